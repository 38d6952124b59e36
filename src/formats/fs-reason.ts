// Why this file exists: file-system errors in one short phrase a user can act on
// ("EACCES: permission denied"), for the messages of commands that write folders and files.

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

/** A short reason for a file-system error: "EACCES: permission denied". */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code
    ? `${code}: ${(Object.hasOwn(REASONS, code) ? REASONS[code] : null) ?? (e as Error).message.replace(/^[A-Z]+: /, '').split(',')[0]}`
    : String((e as Error).message ?? e);
}
