/* Fault injection for the tests of commits: a VFS over SQLite's default
 * one whose writes and syncs fail while `failing` is set, as a full or
 * broken disk would, and whose reads fail while `failing_reads` is set.
 * use_fault_vfs() makes it the default; sqlite3_vfs_unregister(&fault_vfs)
 * puts the real one back. */
#ifndef TIPSCREEN_FAULT_H
#define TIPSCREEN_FAULT_H

#include <sqlite3.h>
#include <stdbool.h>

static sqlite3_vfs fault_vfs, *real_vfs;
static bool failing, failing_reads;
static int syncs;	/* the syncs that went through, for counting commits */
static int pages;	/* the writes of a whole page (4096 bytes) that went through */
static struct sqlite3_io_methods fault_io;

struct fault_file {
	sqlite3_file base;	/* our methods */
	sqlite3_file *real;	/* the default VFS's file, after this struct */
};

static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	struct fault_file *ff = (struct fault_file *)f;
	if (!failing && n == 4096)
		pages++;
	return failing ? SQLITE_IOERR_WRITE : ff->real->pMethods->xWrite(ff->real, b, n, off);
}

static int f_sync(sqlite3_file *f, int flags)
{
	struct fault_file *ff = (struct fault_file *)f;
	if (!failing)
		syncs++;
	return failing ? SQLITE_IOERR_FSYNC : ff->real->pMethods->xSync(ff->real, flags);
}

static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	struct fault_file *ff = (struct fault_file *)f;
	return failing_reads ? SQLITE_IOERR_READ : ff->real->pMethods->xRead(ff->real, b, n, off);
}

/* The other methods go to the real file's own methods. */
#define REAL(f) (((struct fault_file *)(f))->real)
#define PASS(name, args, call) \
	static int f_##name args { return REAL(f)->pMethods->x##name call; }
PASS(Close, (sqlite3_file *f), (((struct fault_file *)f)->real))
PASS(Truncate, (sqlite3_file *f, sqlite3_int64 s), (((struct fault_file *)f)->real, s))
PASS(FileSize, (sqlite3_file *f, sqlite3_int64 *s), (((struct fault_file *)f)->real, s))
PASS(Lock, (sqlite3_file *f, int l), (((struct fault_file *)f)->real, l))
PASS(Unlock, (sqlite3_file *f, int l), (((struct fault_file *)f)->real, l))
PASS(CheckReservedLock, (sqlite3_file *f, int *r), (((struct fault_file *)f)->real, r))
PASS(FileControl, (sqlite3_file *f, int op, void *a), (((struct fault_file *)f)->real, op, a))
PASS(SectorSize, (sqlite3_file *f), (((struct fault_file *)f)->real))
PASS(DeviceCharacteristics, (sqlite3_file *f), (((struct fault_file *)f)->real))
PASS(ShmMap, (sqlite3_file *f, int i, int sz, int e, void volatile **p), (((struct fault_file *)f)->real, i, sz, e, p))
PASS(ShmLock, (sqlite3_file *f, int o, int n, int fl), (((struct fault_file *)f)->real, o, n, fl))
PASS(ShmUnmap, (sqlite3_file *f, int d), (((struct fault_file *)f)->real, d))
static void f_ShmBarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
#undef PASS
#undef REAL

static int f_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	struct fault_file *ff = (struct fault_file *)f;
	ff->real = (sqlite3_file *)(ff + 1);
	int rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
	if (rc != SQLITE_OK) {
		f->pMethods = NULL;
		return rc;
	}
	fault_io = (struct sqlite3_io_methods){ 2, f_Close, f_read, f_write, f_Truncate, f_sync,
		f_FileSize, f_Lock, f_Unlock, f_CheckReservedLock, f_FileControl, f_SectorSize,
		f_DeviceCharacteristics, f_ShmMap, f_ShmLock, f_ShmBarrier, f_ShmUnmap, NULL, NULL };
	f->pMethods = &fault_io;
	return SQLITE_OK;
}

static void use_fault_vfs(void)
{
	if (sqlite3_vfs_find("fault"))
		return;	/* already (a test that failed did not take it back) */
	real_vfs = sqlite3_vfs_find(NULL);
	fault_vfs = *real_vfs;
	fault_vfs.zName = "fault";
	fault_vfs.szOsFile = (int)sizeof(struct fault_file) + real_vfs->szOsFile;
	fault_vfs.xOpen = f_open;
	sqlite3_vfs_register(&fault_vfs, 1);
}

#endif
