using System.Runtime.InteropServices;

namespace NotificationExchange.Storage.Sqlite;

/// <summary>
/// Makes the exchange instances that share one database file take turns at writing, through an exclusive flock on a
/// file beside it. Without it a writer that finds SQLite's lock taken polls with sleeps growing to 100 ms, and two busy
/// instances spend most of their time asleep; a flock waiter is woken the moment the lock is free. Where flock does
/// not exist (Windows) SQLite's own lock does the job alone.
/// </summary>
internal sealed partial class WriterTurnstile : IDisposable
{
    private const int LockExclusive = 2;
    private const int Unlock = 8;
    private const int Interrupted = 4; // EINTR

    private const int ReadWriteCreate = 0x2 | 0x40; // O_RDWR | O_CREAT
    private const int CloseOnExec = 0x80000; // O_CLOEXEC
    private const int ReadWriteForAll = 0x1B6; // 0666, less the umask

    private readonly string? _path;
    private readonly int _descriptor = -1;

    public WriterTurnstile(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // Opened with open(2), not a FileStream: .NET emulates FileShare on Unix by taking a shared flock when it opens
        // a file, and that attempt fails at once (IOException "used by another process") while another instance holds
        // the turnstile's exclusive flock, which a busy instance does most of the time. The file's flocks must be the
        // turnstile's alone.
        _path = databasePath + "-writer.lock";
        _descriptor = OpenFile(_path, ReadWriteCreate | CloseOnExec, ReadWriteForAll);
        if (_descriptor < 0)
        {
            throw new IOException($"could not open {_path} (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    public void Enter()
    {
        if (_descriptor < 0)
        {
            return;
        }
        while (Flock(_descriptor, LockExclusive) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                throw new IOException($"could not lock {_path} (errno {error})");
            }
        }
    }

    public void Exit()
    {
        if (_descriptor >= 0)
        {
            _ = Flock(_descriptor, Unlock);
        }
    }

    public void Dispose()
    {
        if (_descriptor >= 0)
        {
            _ = CloseFile(_descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int CloseFile(int descriptor);
}
