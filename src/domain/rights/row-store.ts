/**
 * Where compiled versions keep their rows: one buffer shared by a version and the versions
 * recompiled from it, each with its own map from user index to where their row starts
 * (`rowAt`). A recompile writes its changed users' rows after every row already written and
 * points its map at them, so no row another version may read is ever overwritten
 * (copy-on-write, row by row). When the buffer is full, the recompile copies its version's rows
 * into a fresh buffer with room to spare. Rows of versions no longer read stay until then.
 */

export interface RowStore {
  readonly rows: Uint8Array;
  /** rows written so far: every row from here on is free (and still zero) */
  used: number;
}

/** Room left after the live rows when a buffer is (re)allocated: half as many again, at least this many. */
const MIN_SPARE_ROWS = 1024;

const capacityFor = (live: number, needed: number) => live + needed + Math.max(live >> 1, MIN_SPARE_ROWS);

/** A buffer for a full compile of `users` users: row u is user u's. */
export function newRowStore(users: number, stride: number): { store: RowStore; rowAt: Int32Array } {
  const store = { rows: new Uint8Array(capacityFor(users, 0) * stride), used: users };
  const rowAt = new Int32Array(users);
  for (let u = 0; u < users; u++) rowAt[u] = u * stride;
  return { store, rowAt };
}

/** What a recompile writes into: the buffer, its own copy of the map, and the first of its fresh rows. */
export interface RowsForRecompile {
  store: RowStore;
  rowAt: Int32Array;
  /** the next free row, `needed` of them reserved from here */
  next: number;
}

/**
 * Reserves `needed` fresh rows for a version recompiled from one with buffer `store` and map
 * `rowAt` (for `total` users, the new ones at -1 until written).
 */
export function rowsForRecompile(from: { store: RowStore; rowAt: Int32Array }, total: number, stride: number, needed: number): RowsForRecompile {
  const { store } = from;
  // a store keeps its buffer: a move makes a new store, and versions of the old one fill the old buffer
  if ((store.used + needed) * stride <= store.rows.length) {
    const rowAt = new Int32Array(total).fill(-1);
    rowAt.set(from.rowAt);
    const next = store.used;
    store.used += needed;
    return { store, rowAt, next };
  }
  return compacted(store.rows, from.rowAt, total, stride, needed);
}

/** This version's rows, in user order, at the start of a fresh buffer. */
function compacted(rows: Uint8Array, oldRowAt: Int32Array, total: number, stride: number, needed: number): RowsForRecompile {
  const live = oldRowAt.length;
  const fresh = new Uint8Array(capacityFor(live, needed) * stride);
  const rowAt = new Int32Array(total).fill(-1);
  // copy runs of users whose rows are consecutive in one call each: most are, after few recompiles
  for (let u = 0; u < live; ) {
    const start = oldRowAt[u]!;
    let end = u + 1;
    while (end < live && oldRowAt[end] === start + (end - u) * stride) end++;
    fresh.set(rows.subarray(start, start + (end - u) * stride), u * stride);
    for (let v = u; v < end; v++) rowAt[v] = v * stride;
    u = end;
  }
  const store = { rows: fresh, used: live + needed };
  return { store, rowAt, next: live };
}
