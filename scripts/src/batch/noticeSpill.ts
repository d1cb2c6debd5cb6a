/**
 * The email notices of a night, kept on disk between deciding them and sending them. A night of a
 * large portfolio decides a hundred thousand emails, shard by shard; the records of every shard
 * must be written before the first email goes out (so each email has a record to be logged on),
 * and holding every notice with its invoice lines until then would cost more memory than the
 * whole ledger. Each write is one record in a private temporary file (length, then the notices in
 * V8's serialization format, which keeps bigint amounts exact and reads back fast); the folder is
 * removed when the night is done.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { NoticeAction } from '../domain/engine/actions';

const LENGTH_BYTES = 4;

function readFully(descriptor: number, into: Buffer, position: number): void {
  for (let done = 0; done < into.length;) {
    const read = readSync(descriptor, into, done, into.length - done, position + done);
    if (read === 0) throw new Error("The night's notice spill file ended early");
    done += read;
  }
}

export class NoticeSpill {
  private readonly dir: string;
  private readonly file: string;
  private writer: number | undefined;

  constructor() {
    // mkdtemp creates the folder for this user only: notices carry customers' names and addresses.
    this.dir = mkdtempSync(join(tmpdir(), 'collections-night-'));
    this.file = join(this.dir, 'notices.bin');
    this.writer = openSync(this.file, 'w', 0o600);
  }

  write(notices: readonly NoticeAction[]): void {
    if (notices.length === 0 || this.writer === undefined) return;
    const payload = serialize(notices);
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32LE(payload.length);
    writeSync(this.writer, length);
    writeSync(this.writer, payload);
  }

  /** The notices in the order they were written, at most `size` at a time. */
  *read(size: number): Generator<NoticeAction[]> {
    this.closeWriter();
    const reader = openSync(this.file, 'r');
    try {
      let position = 0;
      let pending: NoticeAction[] = [];
      const length = Buffer.alloc(LENGTH_BYTES);
      while (readSync(reader, length, 0, LENGTH_BYTES, position) === LENGTH_BYTES) {
        const payload = Buffer.alloc(length.readUInt32LE());
        readFully(reader, payload, position + LENGTH_BYTES);
        position += LENGTH_BYTES + payload.length;
        pending = pending.concat(deserialize(payload) as NoticeAction[]);
        while (pending.length >= size) {
          yield pending.slice(0, size);
          pending = pending.slice(size);
        }
      }
      if (pending.length > 0) yield pending;
    } finally {
      closeSync(reader);
    }
  }

  dispose(): void {
    this.closeWriter();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private closeWriter(): void {
    if (this.writer !== undefined) closeSync(this.writer);
    this.writer = undefined;
  }
}
