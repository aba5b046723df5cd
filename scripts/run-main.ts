// A command-line script's ending: its exit code, or 1 with the error's message (no stack) when it throws.
export function runMain(main: () => Promise<number>): void {
  main()
    .then((c) => process.exit(c))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
