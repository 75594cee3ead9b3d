using Microsoft.Win32.SafeHandles;

namespace NotificationExchange.Cli.Output;

/// <summary>
/// nxc's stdout as a writer that says when its reader has gone. .NET's console stream ignores a write to a pipe whose
/// reader exited (EPIPE), so `nxc watch | head -1` would go on forever, acknowledging events nobody read; writing to
/// file descriptor 1 directly, the write fails (the runtime ignores SIGPIPE) and <see cref="OutputClosedException"/>
/// stops the verb. Flushed at every write: a live feed's lines must leave at once.
/// </summary>
internal static class StandardOutput
{
    public static TextWriter Create()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.Out;
        }
        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(new ClosedPipeDetectingStream(stream), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
    }

    /// <summary>Passes writes to stdout; a failed write or flush becomes <see cref="OutputClosedException"/>.</summary>
    private sealed class ClosedPipeDetectingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (IOException e)
            {
                throw new OutputClosedException(e);
            }
        }

        public override void Flush() => Guard(inner.Flush);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        private static void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (IOException e) when (e is not OutputClosedException)
            {
                throw new OutputClosedException(e);
            }
        }
    }
}
