using System.Text;

namespace NotificationExchange.Clients.Tests.Support;

/// <summary>
/// A stream nxc writes to while a test reads what it wrote so far, line by line, from another thread. It can be held
/// shut (<see cref="Hold"/>): a write then blocks until <see cref="Release"/>, as a pipe nobody reads does, which is
/// how a test makes nxc a slow subscriber.
/// </summary>
internal sealed class RecordingWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private readonly ManualResetEventSlim _open = new(initialState: true);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The complete lines written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (_lock)
            {
                return string.Concat(_lines.Select(l => l + "\n")) + _partial;
            }
        }
    }

    public void Hold() => _open.Reset();

    public void Release() => _open.Set();

    public override void Write(char value)
    {
        _open.Wait();
        lock (_lock)
        {
            if (value == '\n')
            {
                _lines.Add(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until the lines written satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = Lines;
            if (condition(lines))
            {
                return lines;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds} s; written so far:\n{Text}");
            }
            await Task.Delay(20);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open.Dispose();
        }
        base.Dispose(disposing);
    }
}
