namespace NotificationExchange.Api.Bus;

/// <summary>
/// ConnectionStrings:RabbitMq read once at start-up: one amqp(s) URI, or a comma-separated list of URIs that name the
/// nodes of one cluster (amqp://user:pass@rabbit1:5672/,amqp://user:pass@rabbit2:5672/,...). The nodes of a list
/// differ only in host and port: credentials, virtual host, scheme and options are the cluster's, so a list that
/// disagrees is refused rather than half-applied. Errors name the setting and never repeat a password.
/// </summary>
internal sealed class RabbitMqHosts
{
    public const string Setting = "ConnectionStrings:RabbitMq";

    private RabbitMqHosts(Uri primary, IReadOnlyList<RabbitMqNode> nodes)
    {
        Primary = primary;
        Nodes = nodes;
    }

    /// <summary>The first URI: credentials, virtual host and options for every node.</summary>
    public Uri Primary { get; }

    /// <summary>Every node in the order given; the connection tries them in turn, moving on when one fails.</summary>
    public IReadOnlyList<RabbitMqNode> Nodes { get; }

    public bool IsCluster => Nodes.Count > 1;

    public static RabbitMqHosts Parse(string value)
    {
        var entries = value.Split(',', StringSplitOptions.TrimEntries);
        var uris = new List<Uri>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            uris.Add(ParseEntry(entries[i], i + 1, entries.Length));
        }
        var primary = uris[0];
        var nodes = new List<RabbitMqNode>(uris.Count);
        for (var i = 0; i < uris.Count; i++)
        {
            var uri = uris[i];
            if (i > 0)
            {
                Require(uri.Scheme == primary.Scheme, i, uri, "its scheme", primary.Scheme, uri.Scheme);
                Require(uri.UserInfo == primary.UserInfo, i, uri, "its credentials", null, null);
                Require(uri.AbsolutePath == primary.AbsolutePath, i, uri, "its virtual host", primary.AbsolutePath, uri.AbsolutePath);
                Require(uri.Query == primary.Query, i, uri, "its options", primary.Query, uri.Query);
            }
            if (uris.Count > 1 && uri.HostNameType == UriHostNameType.IPv6)
            {
                // MassTransit names a cluster node "host:port", which an IPv6 literal cannot be.
                throw new InvalidOperationException($"{Setting}: entry {i + 1} ({Redacted(uri)}) is an IPv6 address; name the cluster's nodes by host name or IPv4 address");
            }
            var node = new RabbitMqNode(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort(uri) : uri.Port);
            if (nodes.Contains(node))
            {
                throw new InvalidOperationException($"{Setting}: entry {i + 1} ({Redacted(uri)}) names {node} a second time");
            }
            nodes.Add(node);
        }
        return new RabbitMqHosts(primary, nodes);
    }

    /// <summary>A URI as it may be logged: the password replaced by ***.</summary>
    public static string Redacted(Uri uri) => uri.UserInfo.Length == 0
        ? $"{uri.Scheme}://{uri.Authority}{uri.PathAndQuery}"
        : $"{uri.Scheme}://{uri.UserInfo.Split(':', 2)[0]}:***@{uri.Authority}{uri.PathAndQuery}";

    private static Uri ParseEntry(string entry, int position, int count)
    {
        var where = count > 1 ? $"entry {position} of {count}" : "the value";
        if (entry.Length == 0)
        {
            throw new InvalidOperationException($"{Setting}: {where} is empty; expected amqp://user:password@host:5672/vhost, several separated by commas for a cluster");
        }
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            // The entry may hold a password: say what is wrong with it without repeating it.
            var scheme = entry.Split("://", 2) is [var s, _] ? $"scheme '{s}'" : "no scheme";
            throw new InvalidOperationException($"{Setting}: {where} is not an amqp:// or amqps:// URI with a host ({scheme}); expected amqp://user:password@host:5672/vhost");
        }
        return uri;
    }

    private static int DefaultPort(Uri uri) => uri.Scheme == "amqps" ? 5671 : 5672;

    private static void Require(bool same, int index, Uri uri, string what, string? expected, string? actual)
    {
        if (!same)
        {
            var detail = expected is null ? "" : $" ('{actual}', not '{expected}')";
            throw new InvalidOperationException(
                $"{Setting}: entry {index + 1} ({Redacted(uri)}) differs from entry 1 in {what}{detail}; the nodes of one cluster share credentials, virtual host, scheme and options");
        }
    }
}
