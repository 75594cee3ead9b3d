using NotificationExchange.Api.Bus;
using NotificationExchange.Testing;
using NUnit.Framework;
// the connection setting's node, not the test library's private broker of the same name
using RabbitMqNode = NotificationExchange.Api.Bus.RabbitMqNode;

namespace NotificationExchange.Exchange.Tests.Bus;

/// <summary>ConnectionStrings:RabbitMq: one broker, or the nodes of a cluster separated by commas.</summary>
public class RabbitMqHostsTests
{
    [Test]
    public void A_single_uri_is_one_node_with_its_own_credentials_and_virtual_host()
    {
        var hosts = RabbitMqHosts.Parse("amqp://guest:guest@localhost:5672/");

        Assert.That(hosts.Nodes, Is.EqualTo(new[] { new RabbitMqNode("localhost", 5672) }));
        Assert.That(hosts.IsCluster, Is.False);
        Assert.That(hosts.Primary, Is.EqualTo(new Uri("amqp://guest:guest@localhost:5672/")));
    }

    [Test]
    public void The_compose_files_three_node_list_names_three_nodes_in_order()
    {
        var hosts = RabbitMqHosts.Parse("amqp://user:pass@rabbit1:5672/,amqp://user:pass@rabbit2:5672/,amqp://user:pass@rabbit3:5672/");

        Assert.That(hosts.Nodes, Is.EqualTo(new[] { new RabbitMqNode("rabbit1", 5672), new RabbitMqNode("rabbit2", 5672), new RabbitMqNode("rabbit3", 5672) }));
        Assert.That(hosts.IsCluster, Is.True);
        Assert.That(hosts.Primary.UserInfo, Is.EqualTo("user:pass"));
    }

    [Test]
    public void Spaces_around_entries_are_ignored_and_ports_default_by_scheme()
    {
        var plain = RabbitMqHosts.Parse(" amqp://u:p@a/vh , amqp://u:p@b:5673/vh ");
        var tls = RabbitMqHosts.Parse("amqps://u:p@a/,amqps://u:p@b/");

        Assert.That(plain.Nodes, Is.EqualTo(new[] { new RabbitMqNode("a", 5672), new RabbitMqNode("b", 5673) }));
        Assert.That(tls.Nodes.Select(n => n.Port), Is.EqualTo(new[] { 5671, 5671 }));
    }

    [TestCase("amqp://user:secret@rabbit1/,amqp://user:other@rabbit2/", "credentials")]
    [TestCase("amqp://user:secret@rabbit1/,amqp://admin:secret@rabbit2/", "credentials")]
    [TestCase("amqp://user:secret@rabbit1/nx,amqp://user:secret@rabbit2/elsewhere", "virtual host")]
    [TestCase("amqp://user:secret@rabbit1/,amqps://user:secret@rabbit2/", "scheme")]
    [TestCase("amqp://user:secret@rabbit1/?heartbeat=10,amqp://user:secret@rabbit2/", "options")]
    public void Nodes_that_disagree_are_refused_naming_the_setting_and_what_differs_without_the_password(string value, string what)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RabbitMqHosts.Parse(value))!;

        Assert.That(error.Message, Does.StartWith("ConnectionStrings:RabbitMq: entry 2"));
        Assert.That(error.Message, Does.Contain(what));
        Assert.That(error.Message, Does.Not.Contain("secret").And.Not.Contain("other"));
    }

    [TestCase("amqp://u:secret@rabbit1/,", "entry 2 of 2 is empty")]
    [TestCase("amqp://u:secret@rabbit1/,,amqp://u:secret@rabbit2/", "entry 2 of 3 is empty")]
    [TestCase("amqp://u:secret@rabbit1/,rabbit2:5672", "entry 2 of 2 is not an amqp:// or amqps:// URI")]
    [TestCase("http://u:secret@rabbit1/", "the value is not an amqp:// or amqps:// URI with a host (scheme 'http')")]
    [TestCase("amqp://u:secret@rabbit1/,amqp://u:secret@rabbit1:5672/", "names rabbit1:5672 a second time")]
    [TestCase("amqp://u:secret@[::1]:5672/,amqp://u:secret@rabbit2/", "IPv6")]
    public void Malformed_lists_are_refused_naming_the_setting_and_the_entry(string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RabbitMqHosts.Parse(value))!;

        Assert.That(error.Message, Does.StartWith("ConnectionStrings:RabbitMq:"));
        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(error.Message, Does.Not.Contain("secret"));
    }

    [Test]
    public async Task An_exchange_given_nodes_that_disagree_does_not_start_and_names_the_setting()
    {
        using var database = new TestDatabase();

        var error = (await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await ExchangeHost.StartAsync(database.Path, "amqp://nx:secret@localhost:5681/,amqp://nx:other@localhost:5682/")))!;

        Assert.That(error.Message, Does.StartWith("ConnectionStrings:RabbitMq: entry 2"));
    }

    [Test]
    public async Task An_exchange_given_a_parking_queue_name_rabbitmq_reserves_does_not_start_and_names_the_setting()
    {
        using var database = new TestDatabase();

        var error = (await Assert.ThrowsAsync<InvalidOperationException>(async () => await ExchangeHost.StartAsync(database.Path, "amqp://nx:secret@localhost:5681/",
            new Dictionary<string, string> { ["Exchange:Bus:ParkingQueue"] = "amq.parked" })))!;

        Assert.That(error.Message, Does.StartWith("Exchange:Bus:ParkingQueue: 'amq.parked'"));
    }
}
