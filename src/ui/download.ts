/** Hands a file to the browser's download. */
export function download(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A name as a file name: no path separators or characters Windows refuses. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
export const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'parkplan';
