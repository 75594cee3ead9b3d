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

    private readonly FileStream? _file;
    private readonly int _descriptor;

    public WriterTurnstile(string databasePath)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _file = new FileStream(databasePath + "-writer.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _descriptor = (int)_file.SafeFileHandle.DangerousGetHandle();
        // .NET emulates FileShare on Unix with a shared flock held as long as the file is open; such a lock would keep
        // every other instance's exclusive lock waiting forever. Drop it: this file's flocks are the turnstile's alone.
        _ = Flock(_descriptor, Unlock);
    }

    public void Enter()
    {
        if (_file is null)
        {
            return;
        }
        while (Flock(_descriptor, LockExclusive) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                throw new IOException($"could not lock {_file.Name} (errno {error})");
            }
        }
    }

    public void Exit()
    {
        if (_file is not null)
        {
            _ = Flock(_descriptor, Unlock);
        }
    }

    public void Dispose() => _file?.Dispose();

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);
}
