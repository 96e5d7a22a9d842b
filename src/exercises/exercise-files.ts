/** Every file under content/exercises, as text: starter and solution code, and the given code. */
const FILES = import.meta.glob<string>('../../content/exercises/*/*.{py,ts}', { query: '?raw', import: 'default', eager: true });

/** The text of `content/exercises/<folder>/<name>`; a missing file fails the build, not the reader. */
export function exerciseFile(folder: string, name: string): string {
  const text = FILES[`../../content/exercises/${folder}/${name}`];
  if (text === undefined) throw new Error(`content/exercises/${folder}/${name} is missing`);
  return text;
}
