// What an import check answers the form: the preview of its rows and the problems found.
import type { ImportKind } from "@/lib/import/columns";
import type { Encoding } from "@/lib/import/decode";
import type { FileFormat, TableProblem } from "@/lib/import/read";
import type { RowProblem } from "@/lib/import/rows";

export type { RowProblem };
export const IMPORT_MODES = ["update", "create"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type FileProblem =
  | TableProblem
  | { key: "tooBig"; values: { mb: string } }
  | { key: "tooManyRows"; values: { rows: number } }
  | { key: "empty"; values?: undefined }
  | { key: "unknownColumns"; values: { columns: string } }
  | { key: "duplicateColumns"; values: { columns: string } }
  | { key: "missingColumns"; values: { columns: string[] } };

export type RowAction = "create" | "update" | "unchanged";

export interface ImportPreview {
  kind: ImportKind;
  format: FileFormat;
  encoding: Encoding | null;
  guessed: boolean;
  /** Column keys in the file's order. */
  columns: string[];
  rows: { row: number; values: Record<string, string>; action: RowAction }[];
  problems: RowProblem[];
}
