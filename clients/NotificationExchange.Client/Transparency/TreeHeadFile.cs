using Google.Protobuf;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Client.Transparency;

/// <summary>
/// Tree heads in a file, one proto3 JSON SignedTreeHead a line (JSON lines), appended to: a file a person can read,
/// diff and hand to someone else as evidence, and that nxc's `log head --save` and `verify head` share. A line that is
/// not a head is an error naming the line, never skipped: the file is evidence.
/// </summary>
public sealed class TreeHeadFile(string path) : ITreeHeadStore
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public string Path { get; } = path;

    public async Task<IReadOnlyList<SignedTreeHead>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        var heads = new List<SignedTreeHead>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            try
            {
                heads.Add(JsonParser.Default.Parse<SignedTreeHead>(line));
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
            {
                throw new InvalidDataException($"{Path} line {number} is not a signed tree head: {e.Message}", e);
            }
        }
        return heads;
    }

    public Task AddAsync(SignedTreeHead head, CancellationToken cancellationToken = default) =>
        File.AppendAllTextAsync(Path, Formatter.Format(head) + "\n", cancellationToken);
}
