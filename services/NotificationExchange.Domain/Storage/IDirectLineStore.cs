using NotificationExchange.Domain.Consultations.DirectLines;

namespace NotificationExchange.Domain.Storage;

/// <summary>
/// Direct lines, read side (each change is an event appended in the log writer's transaction,
/// <see cref="ILogWriteSession.Append(DirectLineRecorded)"/>, which keeps the line's row in step).
/// These reads know nothing of who asks: callers show a line only to its two sides (<see cref="DirectLine.Joins"/>).
/// </summary>
public interface IDirectLineStore
{
    /// <summary>A direct line; null when there is none.</summary>
    Task<DirectLine?> GetDirectLineAsync(string directLineId, CancellationToken cancellationToken);

    /// <summary>The lines an organisation is on, either side, oldest proposal first.</summary>
    Task<IReadOnlyList<DirectLine>> ListDirectLinesAsync(string organizationId, CancellationToken cancellationToken);
}
