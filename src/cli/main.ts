import { parseArgs } from 'node:util';
import { explainFailure, firstLine, RunError } from '../errors.ts';
import { EXIT, UsageError, failureText, type CommandIO } from './command.ts';
import { COMMANDS } from './commands/index.ts';

export { useRunFolder } from '../system/runFolder.ts';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Thư công vụ — báo cáo hệ thống thư điện tử công vụ',
    '',
    'Cách dùng: npm run cli -- <lệnh> [tùy chọn]',
    '',
    'Các lệnh:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Xem hướng dẫn từng lệnh: npm run cli -- <lệnh> --help',
    'Mã thoát: 0 thành công, 1 dữ liệu sai hoặc chạy lỗi, 2 sai cách dùng.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(overview() + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`Lỗi: không có lệnh "${name}".\n\n${overview()}\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.trimEnd() + '\n');
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.positionals ?? false, strict: true });
  } catch (err) {
    io.stderr(`Lỗi cách dùng: ${translateParseError((err as Error).message)}\n\n${command.usage.trimEnd()}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`Lỗi cách dùng: ${err.message}\n\n${command.usage.trimEnd()}\n`);
      return EXIT.usage;
    }
    const known = err instanceof RunError ? err : explainFailure(err);
    if (known) {
      io.stderr(failureText(known));
      return EXIT.failed;
    }
    // a bug: said as such, the stack only on request (an operator's log is not the place for it)
    const stack = process.env.THU_CONG_VU_DEBUG ? `\n${(err as Error).stack ?? String(err)}` : '';
    io.stderr(
      `Lỗi: lệnh "${name}" gặp lỗi không lường trước: hãy gửi nhật ký này cho nhóm ` +
        `phát triển (chạy lại với THU_CONG_VU_DEBUG=1 để in thêm chi tiết).\n  (chi tiết: ${firstLine(err)})${stack}\n`,
    );
    return EXIT.failed;
  }
}

function translateParseError(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `tùy chọn không hợp lệ ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `tùy chọn ${missing[1]} cần một giá trị`;
  const positional = /Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `đối số thừa "${positional[1]}"`;
  return message;
}
