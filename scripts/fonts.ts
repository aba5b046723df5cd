// `npx tsx scripts/fonts.ts`: prepares the CJK fonts of the PDF exports (also done on `npm start`
// and on the first PDF export).
import { ensureCjkFonts } from "@/lib/export/fonts";

console.log(`CJK fonts ready in ${ensureCjkFonts()}`);
