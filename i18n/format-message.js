// The message formatter on the server (next.config.js aliases `use-intl/format-message` to this file
// for everything but the browser). The server's own translations are ICU strings, formatted as
// before; the client components' messages come precompiled (i18n/precompile.ts), and a precompiled
// message that is not plain text is an array, formatted here as the browser does, with icu-minify's
// formatter (the browser loads only that one, without the 12 KiB ICU parser).
import formatIcu from "../node_modules/use-intl/dist/esm/production/format-message/index.js";
import formatCompiled from "../node_modules/use-intl/dist/esm/production/format-message/format-only.js";

export default function formatMessage(...args) {
  return Array.isArray(args[1]) ? formatCompiled(...args) : formatIcu(...args);
}
// `t.raw` keeps working on the server's own messages.
formatMessage.raw = true;
