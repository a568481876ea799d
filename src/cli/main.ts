import { Command, Option } from "commander";
import { createRequire } from "node:module";
import { toVanbanError } from "../errors.js";
import type { SourceFormat } from "../record/schema.js";
import { positive, registerConvert } from "./convert.js";
import { tuneCompiler } from "./engine.js";
import { EXIT, exitCodeOf } from "./exit.js";
import { readStdin, readTrustRoots, write } from "./io.js";

const pkg = createRequire(import.meta.url)("../../../package.json") as { version: string };

/** The one-line message for a failure: the file and the reason, nothing else. */
export function describeError(err: unknown, file: string | null = null): string {
  return `vanban: ${toVanbanError(err, file).message}`;
}

async function fail(err: unknown, file: string | null = null): Promise<never> {
  process.stderr.write(describeError(err, file) + "\n");
  if (process.env.VANBAN_DEBUG && err instanceof Error) process.stderr.write(String(err.stack) + "\n");
  process.exit(exitCodeOf(err));
}

/** The formats `--format` can name for a document read from standard input (the bytes tell the rest). */
const INPUT_FORMATS = ["txt", "md", "html", "rtf", "pdf", "docx", "doc", "xls", "xlsx", "ppt", "pptx", "png", "jpeg", "tiff", "webp"];
const inputFormatOption = () =>
  new Option("--format <format>", "what the document is when its bytes cannot tell (standard input: md, html or txt)").choices(INPUT_FORMATS);

async function bytesOf(file: string): Promise<{ bytes?: Uint8Array; path: string }> {
  return file === "-" ? { bytes: await readStdin(), path: "-" } : { path: file };
}

export function buildProgram(): Command {
  const program = new Command("vanban")
    .description("Read Vietnamese official documents (PDF, DOCX, DOC, RTF, HTML, text) into typed JSON")
    .version(pkg.version)
    // a wrong command line: one line and where to read more, exit status 2 (not the whole help)
    .showHelpAfterError("(vanban --help lists the commands)")
    .exitOverride((err) => process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage))
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, "vanban: ")) });

  program
    .command("parse")
    .description("parse one document and print its record as JSON")
    .argument("[file]", "the document, or - to read it from standard input")
    .option("--stdin", "read the document from standard input (as - does)")
    .option("--pretty", "indent the JSON")
    .option("--no-ocr", "do not OCR scanned PDFs")
    .option("--trust-roots <file.pem>", "judge digital signatures' certificates against these root certificates (PEM)")
    .option("--explain", "print, instead of the record, every line with its class, the role it was given and the rule that gave it")
    .option("--max-chars <n>", "refuse a document whose text is longer than this many characters (default 1,000,000; 0: no limit)", positive("--max-chars", true))
    .option("--max-lines <n>", "refuse a document of more lines than this (default 50,000; 0: no limit)", positive("--max-lines", true))
    .option("--max-facts <n>", "keep at most this many entries in each list of facts (dates, references, …) (default 10,000; 0: no limit)", positive("--max-facts", true))
    .addOption(inputFormatOption())
    .action(async (named: string | undefined, opts: { stdin?: boolean; pretty?: boolean; ocr: boolean; trustRoots?: string; explain?: boolean; format?: SourceFormat; maxChars?: number; maxLines?: number; maxFacts?: number }) => {
      if (!named === !opts.stdin) {
        process.stderr.write(`vanban parse: ${named ? "name a file or give --stdin, not both" : "name the document, or give - or --stdin to read it from standard input"}\n(vanban parse --help lists its options)\n`);
        process.exit(EXIT.usage);
      }
      const file = named ?? "-";
      try {
        // the stages load on use: `convert`'s main thread never needs them (worker threads do)
        const { parse, parseBytes } = await import("../pipeline.js");
        const { bytes, path } = await bytesOf(file);
        const trustRoots = await readTrustRoots(opts.trustRoots);
        const options = { ocr: opts.ocr, trustRoots, explain: opts.explain, format: opts.format, maxChars: opts.maxChars, maxLines: opts.maxLines, maxFacts: opts.maxFacts };
        const record = bytes ? await parseBytes(bytes, { ...options, path: undefined }) : await parse(path, options);
        if (opts.explain) {
          const { formatExplain } = await import("../segment/explain.js");
          await write(process.stdout, formatExplain(record.explain ?? []) + "\n");
          return;
        }
        await write(process.stdout, JSON.stringify(record, null, opts.pretty ? 2 : undefined) + "\n");
      } catch (err) {
        await fail(err, file);
      }
    });

  program
    .command("text")
    .description("print the normalized UTF-8 text that the parser sees")
    .argument("<file>", "the document, or - to read it from standard input")
    .addOption(inputFormatOption())
    .action(async (file: string, opts: { format?: SourceFormat }) => {
      try {
        const { loadDocument } = await import("../load/index.js");
        const { normalize } = await import("../normalize/index.js");
        const { readDocumentFile } = await import("../pipeline.js");
        const { bytes, path } = await bytesOf(file);
        const data = bytes ?? (await readDocumentFile(path));
        const doc = normalize(await loadDocument(data, { path: bytes ? undefined : path, format: opts.format }));
        await write(process.stdout, doc.text + "\n");
      } catch (err) {
        await fail(err, file);
      }
    });

  program
    .command("schema")
    .description("print the JSON Schema of the record")
    .action(async () => {
      const { recordJsonSchema } = await import("../record/schema.js");
      await write(process.stdout, JSON.stringify(recordJsonSchema(), null, 2) + "\n");
    });

  program
    .command("check")
    .description("check documents' thể thức against NĐ 30/2020 Phụ lục I (and HD 36 for Party documents)")
    .argument("<files...>", "the documents")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--rules", "list the rules and exit")
    .option("--no-ocr", "do not OCR scanned PDFs")
    .action(async (files: string[], opts: { format: "text" | "json"; ocr: boolean; rules?: boolean }) => {
      const { check, formatReport } = await import("../check/index.js");
      if (opts.rules) {
        const { formatRules } = await import("../check/report.js");
        await write(process.stdout, formatRules() + "\n");
        return;
      }
      // one bad file is reported and the others are still checked; the exit status says 1
      let failed = false;
      const reports = [];
      for (const file of files) {
        try {
          const report = await check(file, { ocr: opts.ocr });
          if (opts.format === "json") reports.push(report);
          else await write(process.stdout, formatReport(report) + "\n\n");
        } catch (err) {
          failed = true;
          process.stderr.write(describeError(err) + "\n");
        }
      }
      if (opts.format === "json") await write(process.stdout, JSON.stringify(reports, null, 2) + "\n");
      if (failed) process.exitCode = EXIT.failed;
    });

  registerConvert(program);
  for (const cmd of program.commands) cmd.showHelpAfterError(`(vanban ${cmd.name()} --help lists its options)`);
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  tuneCompiler();
  // a reader that stops early (`vanban text f.pdf | head`) is not an error
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  await buildProgram().parseAsync(argv);
}
