import fs from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';

/** One way of getting every coverage row into the browser, measured in Chromium. */
export interface BrowserExport {
  /** From the first request to the file (or the rows) being in the page. */
  ms: number;
  /** Bytes the page received. */
  bytes: number;
  rows: number;
  requests: number;
  /** Highest JS heap in use while it ran (sampled every 25 ms), above the heap before it. */
  peakHeapBytes: number;
  /**
   * Highest resident memory of all the browser's processes while it ran,
   * above what they held before (ArrayBuffers and Blobs live outside the
   * JS heap: this is the memory the machine gave the browser).
   */
  peakBrowserRssBytes: number;
}

export interface CsvExportFigures {
  browser: string;
  /** GET /coverage/export.csv streamed into a Blob and saved as a download (what the coverage page does). */
  streamed: BrowserExport & { downloadedBytes: number };
  /** Every page of GET /coverage?limit=500 fetched and parsed (what it did before; its CSV step not included). */
  paged: BrowserExport;
}

const PAGE_SIZE = 500;

/** Resident memory of a process and all its descendants (Linux /proc). */
function treeRssBytes(rootPid: number): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: state ppid ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
  };
  return usedSize;
}

/** Runs `work` in the page while sampling its heap. */
async function sampled<T>(
  page: Page,
  cdp: CDPSession,
  browserPid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peakHeapBytes: number; peakBrowserRssBytes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heapUsed(cdp);
  const rssBefore = treeRssBytes(browserPid);
  let peak = before;
  let peakRss = rssBefore;
  let running = true;
  const sample = async () => {
    peak = Math.max(peak, await heapUsed(cdp).catch(() => peak));
    peakRss = Math.max(peakRss, treeRssBytes(browserPid));
  };
  const sampler = (async () => {
    while (running) {
      await sample();
      await page.waitForTimeout(25);
    }
  })();
  try {
    const result = await work();
    await sample();
    return {
      result,
      peakHeapBytes: peak - before,
      peakBrowserRssBytes: peakRss - rssBefore,
    };
  } finally {
    running = false;
    await sampler;
  }
}

/**
 * The coverage CSV export of the whole fleet, end to end in Chromium: the
 * page on the backend's origin fetches the export as the plugin's client
 * does (streamed body counted by line, collected into a Blob, saved through
 * a download link), and, for comparison, fetches every JSON page of the
 * report as the export did before. Undefined when no Chromium is installed.
 */
export async function measureCsvExportInBrowser(
  baseUrl: string,
  pagePath: string,
): Promise<CsvExportFigures | undefined> {
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return undefined;
  const browser = await chromium.launch({ executablePath });
  // Playwright's Browser does not expose the process; its launcher is ours.
  const browserPid = findBrowserPid();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${pagePath}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    const download = page.waitForEvent('download', { timeout: 600_000 });
    const streamed = await sampled(page, cdp, browserPid, () =>
      page.evaluate(async () => {
        const started = performance.now();
        const response = await fetch('/api/storage/coverage/export.csv');
        const reader = response.body!.getReader();
        const chunks: Uint8Array[] = [];
        let bytes = 0;
        let lines = 0;
        let last = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          bytes += value.length;
          for (let i = 0; i < value.length; i++) {
            if (value[i] === 10 && (i > 0 ? value[i - 1] : last) === 13)
              lines++;
          }
          last = value[value.length - 1] ?? last;
        }
        const url = URL.createObjectURL(
          new Blob(chunks as BlobPart[], { type: 'text/csv' }),
        );
        const link = document.createElement('a');
        link.href = url;
        link.download = 'storage-coverage.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        return {
          ms: performance.now() - started,
          bytes,
          rows: lines - 1,
          requests: 1,
        };
      }),
    );
    const saved = await (await download).path();
    const downloadedBytes = saved ? fs.statSync(saved).size : 0;

    const paged = await sampled(page, cdp, browserPid, () =>
      page.evaluate(async pageSize => {
        const started = performance.now();
        const rows: unknown[] = [];
        let bytes = 0;
        let requests = 0;
        for (;;) {
          const response = await fetch(
            `/api/storage/coverage?offset=${rows.length}&limit=${pageSize}`,
          );
          const text = await response.text();
          requests++;
          bytes += Number(
            response.headers.get('content-length') ?? text.length,
          );
          const body = JSON.parse(text) as {
            rows: unknown[];
            totalRows: number;
          };
          rows.push(...body.rows);
          if (body.rows.length === 0 || rows.length >= body.totalRows) break;
        }
        // Keep the rows alive until the heap is sampled.
        (window as unknown as { rows: unknown[] }).rows = rows;
        return {
          ms: performance.now() - started,
          bytes,
          rows: rows.length,
          requests,
        };
      }, PAGE_SIZE),
    );
    return {
      browser: browser.version(),
      streamed: {
        ...streamed.result,
        peakHeapBytes: streamed.peakHeapBytes,
        peakBrowserRssBytes: streamed.peakBrowserRssBytes,
        downloadedBytes,
      },
      paged: {
        ...paged.result,
        peakHeapBytes: paged.peakHeapBytes,
        peakBrowserRssBytes: paged.peakBrowserRssBytes,
      },
    };
  } finally {
    await browser.close();
  }
}

/**
 * The browser just launched: the newest child of this process that
 * Playwright started (it talks to it over --remote-debugging-pipe; the
 * distribution's chromium is a script that execs the real binary).
 */
function findBrowserPid(): number {
  let found = 0;
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= found) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('--remote-debugging-pipe'))
        found = pid;
    } catch {
      // not ours, or gone
    }
  }
  if (!found) throw new Error('could not find the browser process');
  return found;
}
