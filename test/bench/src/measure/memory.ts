/** Memory of this process after full garbage collections (needs --expose-gc). */
export async function memoryAfterGc(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc (yarn bench does)');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return process.memoryUsage();
}
