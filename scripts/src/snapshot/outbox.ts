/**
 * The local snapshot's outbox: each notice sent is an RFC 5322 message (.eml, MIME
 * multipart/alternative with text and HTML, UTF-8, base64) that any mail client opens. The file
 * name is the notice's idempotency key, so a rerun can never write a second copy of a message.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDay, type Day } from '../domain/calendar';
import type { NoticeAction } from '../domain/engine/actions';
import type { ComposedNotice } from '../notices/composeNotice';
import type { Delivery } from '../records/planRecords';

function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A file name from the key: readable, safe on every file system, unique by a hash suffix. */
export function outboxFileName(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 100);
  return `${readable}_${createHash('sha256').update(key).digest('hex').slice(0, 10)}.eml`;
}

export function formatEml(notice: NoticeAction, composed: ComposedNotice, from: string, asOf: Day): string {
  const boundary = `=_${createHash('sha256').update(notice.key).digest('hex').slice(0, 24)}`;
  // The Date header is the as-of date at 09:00 UTC, so a message's bytes depend only on its data.
  const date = new Date(asOf * 86_400_000 + 9 * 3_600_000).toUTCString().replace('GMT', '+0000');
  const headers = [
    `Date: ${date}`,
    `From: ${from}`,
    `To: ${notice.recipient ?? ''}`,
    `Subject: ${encodedWord(composed.subject)}`,
    `Message-ID: <${createHash('sha256').update(notice.key).digest('hex').slice(0, 32)}@collections-console.invalid>`,
    `X-Collections-Key: ${notice.key}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(composed.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(composed.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Outbox folders made by this process (a night writes thousands of files into one). */
const madeDirs = new Set<string>();

/** Messages written at once: the writes run on libuv's thread pool while the next are formatted. */
const WRITES_IN_FLIGHT = 16;

/** One outgoing message of writeToOutbox. */
export interface OutboxMessage {
  notice: NoticeAction;
  composed: ComposedNotice;
}

/**
 * Writes each message to <outbox>/<as-of>/ and answers one Delivery per message, in order; a
 * message without a recipient is not sent. Creating a file costs far more than formatting one on
 * some file systems (about 0.1 ms here, 128,842 files a night at a million invoices), so several
 * are written at a time.
 */
export async function writeToOutbox(
  outboxDir: string,
  asOf: Day,
  messages: readonly OutboxMessage[],
  from: string,
): Promise<Delivery[]> {
  const dir = join(outboxDir, formatDay(asOf));
  const deliveries: Delivery[] = new Array(messages.length);
  let next = 0;
  const writeNext = async (): Promise<void> => {
    while (next < messages.length) {
      const position = next++;
      const { notice, composed } = messages[position] as OutboxMessage;
      deliveries[position] = await writeOne(dir, asOf, notice, composed, from);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, messages.length) }, writeNext));
  return deliveries;
}

async function writeOne(
  dir: string,
  asOf: Day,
  notice: NoticeAction,
  composed: ComposedNotice,
  from: string,
): Promise<Delivery> {
  if (!notice.recipient) return { outcome: 'Failed', detail: 'no billing email or contact on the account' };
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const file = join(dir, outboxFileName(notice.key));
  const content = formatEml(notice, composed, from, asOf);
  try {
    // 'wx': never overwrite: a notice already in the outbox was already sent.
    await writeFile(file, content, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // The folder was removed since this process made it (a snapshot deleted and made again).
      mkdirSync(dir, { recursive: true });
      await writeFile(file, content, { flag: 'wx' });
    } else if (code !== 'EEXIST') throw error;
  }
  // Relative to the snapshot, so the record reads the same wherever the snapshot is kept.
  return { outcome: 'Accepted', detail: `written to outbox/${formatDay(asOf)}/${outboxFileName(notice.key)}` };
}
