using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// docker-compose.yml's topology (PostgreSQL, a three-node RabbitMQ cluster, three exchange instances, an
/// OpenTelemetry collector and Jaeger), read as Compose reads it (anchors and merge keys resolved): its wiring is
/// checked name by name, and the instances' environment is given to three real exchanges, on a private PostgreSQL
/// cluster and the test broker in place of the compose network's hosts, which must then work as one exchange.
/// </summary>
public partial class DeploymentFilesTests
{
    private static readonly string[] BrokerNodes = ["rabbit1", "rabbit2", "rabbit3"];
    private static readonly string[] Instances = ["exchange-1", "exchange-2", "exchange-3"];

    [Test]
    public void Every_compose_service_has_a_health_check_and_the_exchanges_wait_for_theirs()
    {
        var services = ComposeServices();

        Assert.That(services.Keys, Is.SupersetOf(new[] { "postgres", "otel-collector", "jaeger" }.Concat(BrokerNodes).Concat(Instances)));
        foreach (var (name, service) in services)
        {
            Assert.That(Child(service, "healthcheck") is YamlMappingNode check && Child(check, "test") is YamlSequenceNode { Children.Count: > 1 },
                $"service {name} has a health check with a command");
        }
        foreach (var instance in Instances)
        {
            var dependsOn = (YamlMappingNode)Child(services[instance], "depends_on")!;
            foreach (var dependency in BrokerNodes.Append("postgres").Append("otel-collector"))
            {
                Assert.That(Scalar(Child((YamlMappingNode)Child(dependsOn, dependency)!, "condition")), Is.EqualTo("service_healthy"),
                    $"{instance} starts once {dependency} is healthy");
            }
        }
    }

    [Test]
    public void The_compose_wiring_names_the_services_that_exist()
    {
        var compose = ComposeDocument();
        var services = ComposeServices();
        var environments = Instances.Select(i => ServiceEnvironment(services[i])).ToArray();

        // The store: the postgres service, with its user and database.
        var postgres = new NpgsqlConnectionStringBuilder(environments[0]["ConnectionStrings__Postgres"]);
        var postgresEnvironment = ServiceEnvironment(services["postgres"]);
        Assert.That((postgres.Host, postgres.Username, postgres.Database),
            Is.EqualTo(("postgres", postgresEnvironment["POSTGRES_USER"], postgresEnvironment["POSTGRES_DB"])));
        Assert.That(postgres.Password, Is.EqualTo(postgresEnvironment["POSTGRES_PASSWORD"]), "one password, set once");

        // The bus: every broker node, each a member of the cluster the nodes' configuration forms.
        var nodes = environments[0]["ConnectionStrings__RabbitMq"].Split(',').Select(u => new Uri(u)).ToArray();
        Assert.That(nodes.Select(n => n.Host), Is.EqualTo(BrokerNodes));
        Assert.That(nodes.Select(n => n.UserInfo).Distinct().Single(), Is.EqualTo($"nx:{ServiceEnvironment(services["rabbit1"])["RABBITMQ_DEFAULT_PASS"]}"));
        var clusterConfig = Scalar(Child((YamlMappingNode)Child((YamlMappingNode)Child(compose, "configs")!, "rabbitmq-cluster")!, "content"));
        foreach (var node in BrokerNodes)
        {
            Assert.That(Scalar(Child(services[node], "hostname")), Is.EqualTo(node));
            Assert.That(clusterConfig, Does.Contain($"= rabbit@{node}\n"), $"{node} is in the cluster's peer list");
            Assert.That(((YamlSequenceNode)Child(services[node], "configs")!).Children.OfType<YamlMappingNode>().Select(c => Scalar(Child(c, "target"))),
                Does.Contain("/etc/rabbitmq/conf.d/20-cluster.conf"), $"{node} reads the peer list");
        }
        Assert.That(BrokerNodes.Select(n => ServiceEnvironment(services[n])["NX_RABBITMQ_COOKIE"]).Distinct().Count(), Is.EqualTo(1), "one Erlang cookie");

        // Telemetry: the instances send OTLP to the collector, which sends traces on to Jaeger.
        Assert.That(new Uri(environments[0]["OTEL_EXPORTER_OTLP_ENDPOINT"]).Host, Is.EqualTo("otel-collector"));
        var collectorConfig = Scalar(Child((YamlMappingNode)Child((YamlMappingNode)Child(compose, "configs")!, "otel-collector")!, "content"));
        Assert.That(collectorConfig, Does.Contain("endpoint: jaeger:4317"));
        Assert.That(ServiceEnvironment(services["jaeger"])["COLLECTOR_OTLP_ENABLED"], Is.EqualTo("true"));

        // The instances: one configuration, one identity each.
        Assert.That(environments.Select(e => e["Exchange__InstanceId"]), Is.EqualTo(Instances));
        foreach (var environment in environments.Skip(1))
        {
            Assert.That(environment.Where(e => e.Key != "Exchange__InstanceId"), Is.EquivalentTo(environments[0].Where(e => e.Key != "Exchange__InstanceId")));
        }
    }

    [Test]
    public async Task The_compose_instances_environment_runs_three_exchanges_on_one_postgresql_store_and_the_broker()
    {
        var broker = RabbitMqBroker.Require();
        var cluster = await PostgresCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("compose");
        using var folder = new TestDatabase();
        var adminKey = "compose-admin-key-0123456789abcdef";
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signingKeyPem = signingKey.ExportPkcs8PrivateKeyPem();
        var services = ComposeServices();
        var hosts = new List<ExchangeHost>();
        try
        {
            foreach (var instance in Instances)
            {
                var settings = ServiceEnvironment(services[instance]).ToDictionary(
                    e => e.Key.Replace("__", ":"),
                    e => e.Key switch
                    {
                        // the compose values point at the compose network and interpolate secrets: keep the keys,
                        // swap the values for this machine's services (one broker node here: the list's form is
                        // checked above, and the failover across nodes in Bus/RabbitMqClusterTests)
                        "ConnectionStrings__Postgres" => database,
                        "ConnectionStrings__RabbitMq" => broker,
                        "Exchange__AdminApiKey" => adminKey,
                        "Exchange__Transparency__SigningKey" => signingKeyPem,
                        "OTEL_EXPORTER_OTLP_ENDPOINT" => "",
                        _ => e.Value,
                    });
                // as the Dockerfile runs it
                settings["environment"] = "Production";
                hosts.Add(await ExchangeHost.StartAsync(folder.Path, settings: settings));
            }

            Assert.That(hosts.Select(h => h.Services.GetRequiredService<IBus>().Address.Scheme), Has.All.EqualTo("rabbitmq"));
            var filer = hosts[0].Client(adminKey);
            var watcher = hosts[2].Client(adminKey);
            var subscription = await watcher.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "compose" });
            using var stream = StreamProbe.Open(watcher, subscription.Id);
            await stream.ReadUntilCaughtUpAsync();
            var filed = (await filer.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver()))).Notification;
            var received = await stream.ReadEventsAsync(1, TimeSpan.FromSeconds(10));
            var fromMiddle = await hosts[1].Client(adminKey).Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id });

            Assert.That(received[0].Notification, Is.EqualTo(filed), "filed on exchange-1, streamed from exchange-3");
            // a point read adds the screening's state, which the filing's answer does not carry
            var read = fromMiddle.Notification.Clone();
            read.Screening = null;
            Assert.That(read, Is.EqualTo(filed), "read on exchange-2");
            Assert.That(File.Exists(folder.Path), Is.False, "no SQLite file: the store is PostgreSQL");
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM events WHERE notification_id = @id;", connection);
            count.Parameters.AddWithValue("id", filed.Id);
            Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(1L), "the filing is in the compose store");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>docker-compose.yml as one YAML document, its anchors and merge keys (&lt;&lt;) resolved as Compose resolves them.</summary>
    private static YamlMappingNode ComposeDocument()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static Dictionary<string, YamlMappingNode> ComposeServices() =>
        ((YamlMappingNode)Child(ComposeDocument(), "services")!).Children.ToDictionary(s => Scalar(s.Key), s => (YamlMappingNode)s.Value);

    /// <summary>A service's environment mapping, as names and their values with variables read as their defaults.</summary>
    private static Dictionary<string, string> ServiceEnvironment(YamlMappingNode service) =>
        ((YamlMappingNode)Child(service, "environment")!).Children.ToDictionary(e => Scalar(e.Key), e => Interpolated(Scalar(e.Value)));

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string Scalar(YamlNode? node) => ((YamlScalarNode)node!).Value ?? "";
}
