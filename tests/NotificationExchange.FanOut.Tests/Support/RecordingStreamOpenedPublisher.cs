using System.Threading.Channels;

namespace NotificationExchange.FanOut.Tests.Support;

/// <summary>The bus as the fan-out sees it: what it announced, in order; or a bus that refuses every announcement.</summary>
internal sealed class RecordingStreamOpenedPublisher : IStreamOpenedPublisher
{
    private readonly Channel<OpenedStream> _announced = Channel.CreateUnbounded<OpenedStream>();

    public bool Down { get; set; }

    public Task PublishAsync(OpenedStream opened, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new InvalidOperationException("the broker is unreachable");
        }
        _announced.Writer.TryWrite(opened);
        return Task.CompletedTask;
    }

    public Task<OpenedStream> NextAsync() => _announced.Reader.ReadAsync().Within();
}
