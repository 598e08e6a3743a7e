// sqlite3.h (the SQLite C interface, called in the system libsqlite3.so.0)
using System.Runtime.InteropServices;
using System.Text;

namespace Taipan.Modules.Sqlite3;

/// <summary>The functions of the SQLite library that the module uses. Handles are opaque
/// pointers; strings cross as NUL-terminated UTF-8.</summary>
internal static unsafe partial class SqliteNative
{
    private const string Lib = "libsqlite3.so.0";

    public const int Ok = 0;
    public const int Error = 1;
    public const int Internal = 2;
    public const int Perm = 3;
    public const int Abort = 4;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int NoMem = 7;
    public const int ReadOnly = 8;
    public const int Interrupt = 9;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int NotFound = 12;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Protocol = 15;
    public const int Empty = 16;
    public const int Schema = 17;
    public const int TooBig = 18;
    public const int Constraint = 19;
    public const int Mismatch = 20;
    public const int Misuse = 21;
    public const int Range = 25;
    public const int Row = 100;
    public const int Done = 101;

    public const int Integer = 1;
    public const int Float = 2;
    public const int Text = 3;
    public const int Blob = 4;
    public const int Null = 5;

    public const int OpenReadOnly = 0x1;
    public const int OpenReadWrite = 0x2;
    public const int OpenCreate = 0x4;
    public const int OpenUri = 0x40;

    public const int EncodingUtf8 = 1;
    public const int Deterministic = 0x800;

    public const int LimitSqlLength = 1;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the data before the call returns.</summary>
    public static readonly nint Transient = -1;

    [LibraryImport(Lib, EntryPoint = "sqlite3_libversion")]
    public static partial byte* LibVersion();

    [LibraryImport(Lib, EntryPoint = "sqlite3_threadsafe")]
    public static partial int ThreadSafe();

    [LibraryImport(Lib, EntryPoint = "sqlite3_complete")]
    public static partial int Complete(byte* sql);

    [LibraryImport(Lib, EntryPoint = "sqlite3_enable_shared_cache")]
    public static partial int EnableSharedCache(int enable);

    [LibraryImport(Lib, EntryPoint = "sqlite3_open_v2")]
    public static partial int OpenV2(byte* filename, nint* db, int flags, byte* vfs);

    [LibraryImport(Lib, EntryPoint = "sqlite3_close_v2")]
    public static partial int CloseV2(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_busy_timeout")]
    public static partial int BusyTimeout(nint db, int ms);

    [LibraryImport(Lib, EntryPoint = "sqlite3_errcode")]
    public static partial int ErrCode(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_extended_errcode")]
    public static partial int ExtendedErrCode(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_errmsg")]
    public static partial byte* ErrMsg(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_errstr")]
    public static partial byte* ErrStr(int code);

    [LibraryImport(Lib, EntryPoint = "sqlite3_get_autocommit")]
    public static partial int GetAutocommit(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_changes")]
    public static partial int Changes(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_total_changes")]
    public static partial int TotalChanges(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_last_insert_rowid")]
    public static partial long LastInsertRowid(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_interrupt")]
    public static partial void InterruptDb(nint db);

    [LibraryImport(Lib, EntryPoint = "sqlite3_limit")]
    public static partial int Limit(nint db, int id, int value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_exec")]
    public static partial int Exec(nint db, byte* sql, nint callback, nint arg, nint errmsg);

    [LibraryImport(Lib, EntryPoint = "sqlite3_prepare_v2")]
    public static partial int PrepareV2(nint db, byte* sql, int nbytes, nint* stmt, byte** tail);

    [LibraryImport(Lib, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_reset")]
    public static partial int Reset(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_finalize")]
    public static partial int Finalize(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_stmt_readonly")]
    public static partial int StmtReadOnly(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_parameter_count")]
    public static partial int BindParameterCount(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_parameter_name")]
    public static partial byte* BindParameterName(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_null")]
    public static partial int BindNull(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_int64")]
    public static partial int BindInt64(nint stmt, int index, long value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_double")]
    public static partial int BindDouble(nint stmt, int index, double value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_text")]
    public static partial int BindText(nint stmt, int index, byte* text, int nbytes, nint destructor);

    [LibraryImport(Lib, EntryPoint = "sqlite3_bind_blob")]
    public static partial int BindBlob(nint stmt, int index, byte* data, int nbytes, nint destructor);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_count")]
    public static partial int ColumnCount(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_data_count")]
    public static partial int DataCount(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_name")]
    public static partial byte* ColumnName(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_decltype")]
    public static partial byte* ColumnDecltype(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_type")]
    public static partial int ColumnType(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_int64")]
    public static partial long ColumnInt64(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_double")]
    public static partial double ColumnDouble(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_text")]
    public static partial byte* ColumnText(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_blob")]
    public static partial byte* ColumnBlob(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_column_bytes")]
    public static partial int ColumnBytes(nint stmt, int index);

    [LibraryImport(Lib, EntryPoint = "sqlite3_create_function_v2")]
    public static partial int CreateFunctionV2(nint db, byte* name, int narg, int flags, nint app,
        delegate* unmanaged<nint, int, nint*, void> func, delegate* unmanaged<nint, int, nint*, void> step,
        delegate* unmanaged<nint, void> final, delegate* unmanaged<nint, void> destroy);

    [LibraryImport(Lib, EntryPoint = "sqlite3_create_collation_v2")]
    public static partial int CreateCollationV2(nint db, byte* name, int textRep, nint arg,
        delegate* unmanaged<nint, int, byte*, int, byte*, int> compare, delegate* unmanaged<nint, void> destroy);

    [LibraryImport(Lib, EntryPoint = "sqlite3_set_authorizer")]
    public static partial int SetAuthorizer(nint db, delegate* unmanaged<nint, int, byte*, byte*, byte*, byte*, int> callback, nint arg);

    [LibraryImport(Lib, EntryPoint = "sqlite3_progress_handler")]
    public static partial void ProgressHandler(nint db, int n, delegate* unmanaged<nint, int> callback, nint arg);

    [LibraryImport(Lib, EntryPoint = "sqlite3_trace_v2")]
    public static partial int TraceV2(nint db, uint mask, delegate* unmanaged<uint, nint, nint, nint, int> callback, nint arg);

    [LibraryImport(Lib, EntryPoint = "sqlite3_expanded_sql")]
    public static partial byte* ExpandedSql(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_sql")]
    public static partial byte* Sql(nint stmt);

    [LibraryImport(Lib, EntryPoint = "sqlite3_free")]
    public static partial void Free(void* p);

    [LibraryImport(Lib, EntryPoint = "sqlite3_user_data")]
    public static partial nint UserData(nint context);

    [LibraryImport(Lib, EntryPoint = "sqlite3_aggregate_context")]
    public static partial nint* AggregateContext(nint context, int nbytes);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_type")]
    public static partial int ValueType(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_int64")]
    public static partial long ValueInt64(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_double")]
    public static partial double ValueDouble(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_text")]
    public static partial byte* ValueText(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_blob")]
    public static partial byte* ValueBlob(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_value_bytes")]
    public static partial int ValueBytes(nint value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_null")]
    public static partial void ResultNull(nint context);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_int64")]
    public static partial void ResultInt64(nint context, long value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_double")]
    public static partial void ResultDouble(nint context, double value);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_text")]
    public static partial void ResultText(nint context, byte* text, int nbytes, nint destructor);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_blob")]
    public static partial void ResultBlob(nint context, byte* data, int nbytes, nint destructor);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_error")]
    public static partial void ResultError(nint context, byte* message, int nbytes);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_error_nomem")]
    public static partial void ResultErrorNoMem(nint context);

    [LibraryImport(Lib, EntryPoint = "sqlite3_result_error_toobig")]
    public static partial void ResultErrorTooBig(nint context);

    [LibraryImport(Lib, EntryPoint = "sqlite3_blob_open")]
    public static partial int BlobOpen(nint db, byte* dbName, byte* table, byte* column, long row, int flags, nint* blob);

    [LibraryImport(Lib, EntryPoint = "sqlite3_blob_close")]
    public static partial int BlobClose(nint blob);

    [LibraryImport(Lib, EntryPoint = "sqlite3_blob_bytes")]
    public static partial int BlobBytes(nint blob);

    [LibraryImport(Lib, EntryPoint = "sqlite3_blob_read")]
    public static partial int BlobRead(nint blob, byte* buffer, int n, int offset);

    [LibraryImport(Lib, EntryPoint = "sqlite3_blob_write")]
    public static partial int BlobWrite(nint blob, byte* buffer, int n, int offset);

    [LibraryImport(Lib, EntryPoint = "sqlite3_create_window_function")]
    public static partial int CreateWindowFunction(nint db, byte* name, int narg, int flags, nint app,
        delegate* unmanaged<nint, int, nint*, void> step, delegate* unmanaged<nint, void> final,
        delegate* unmanaged<nint, void> value, delegate* unmanaged<nint, int, nint*, void> inverse,
        delegate* unmanaged<nint, void> destroy);

    [LibraryImport(Lib, EntryPoint = "sqlite3_backup_init")]
    public static partial nint BackupInit(nint dest, byte* destName, nint source, byte* sourceName);

    [LibraryImport(Lib, EntryPoint = "sqlite3_backup_step")]
    public static partial int BackupStep(nint backup, int pages);

    [LibraryImport(Lib, EntryPoint = "sqlite3_backup_remaining")]
    public static partial int BackupRemaining(nint backup);

    [LibraryImport(Lib, EntryPoint = "sqlite3_backup_pagecount")]
    public static partial int BackupPageCount(nint backup);

    [LibraryImport(Lib, EntryPoint = "sqlite3_backup_finish")]
    public static partial int BackupFinish(nint backup);

    [LibraryImport(Lib, EntryPoint = "sqlite3_sleep")]
    public static partial int Sleep(int ms);

    public const uint SerializeNoCopy = 1;
    public const uint DeserializeFreeOnClose = 1;
    public const uint DeserializeResizeable = 2;

    [LibraryImport(Lib, EntryPoint = "sqlite3_serialize")]
    public static partial byte* Serialize(nint db, byte* schema, long* size, uint flags);

    [LibraryImport(Lib, EntryPoint = "sqlite3_deserialize")]
    public static partial int Deserialize(nint db, byte* schema, byte* data, long size, long bufferSize, uint flags);

    [LibraryImport(Lib, EntryPoint = "sqlite3_malloc64")]
    public static partial byte* Malloc64(ulong size);

    [LibraryImport(Lib, EntryPoint = "sqlite3_enable_load_extension")]
    public static partial int EnableLoadExtension(nint db, int onoff);

    [LibraryImport(Lib, EntryPoint = "sqlite3_load_extension")]
    public static partial int LoadExtension(nint db, byte* file, byte* entry, byte** errmsg);

    /// <summary>A NUL-terminated UTF-8 string from SQLite, decoded leniently (names and
    /// messages SQLite made itself).</summary>
    public static string Utf8(byte* s) => s is null ? "" : Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s));

    /// <summary>A C# string as NUL-terminated UTF-8 for names SQLite copies.</summary>
    public static byte[] CString(string s)
    {
        var n = Encoding.UTF8.GetByteCount(s);
        var b = new byte[n + 1];
        Encoding.UTF8.GetBytes(s, b);
        return b;
    }
}
