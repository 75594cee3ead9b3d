using NotificationExchange.Client;

namespace NotificationExchange.Cli.Demo;

/// <summary>An organisation nxc demo created: its id, name, key (shown once, so that the newcomer can go on as it) and
/// a client calling as it.</summary>
internal sealed record DemoOrganisation(string Id, string Name, string ApiKey, NxClient Client);
