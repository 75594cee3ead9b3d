using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>nxc keys against a real exchange: a second key issued and shown once, both listed and working, the old one revoked.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeysCommandTests : ExchangeFixture
{
    [Test]
    public async Task A_key_is_replaced_with_an_overlap_issue_list_revoke()
    {
        var created = Ok(await Admin.RunAsync("admin", "operator", "create", "keys-ops", "--name", "Keys", "-o", "json")).Json();
        var oldKey = created.GetProperty("apiKey").GetString()!;
        var oldId = created.GetProperty("apiKeyId").GetString()!;

        var issued = Ok(await As(oldKey).RunAsync("keys", "issue", "--label", "console 2027", "--expires", "now+30d"));
        Assert.That(issued.Lines[0], Does.Match("^new API key KEY-[0-9A-F]{16} of keys-ops, shown this once:$"));
        var newKey = issued.Lines[^1];
        Assert.That(Ok(await As(newKey).RunAsync("whoami")).Lines[0], Does.StartWith("keys-ops"));

        var listed = Ok(await As(newKey).RunAsync("keys", "list", "-o", "json")).Json();
        Assert.That(listed.EnumerateArray().Select(k => k.GetProperty("label").GetString()), Is.EquivalentTo(new[] { "", "console 2027" }));
        Assert.That(listed.EnumerateArray().Any(k => k.TryGetProperty("expiresAt", out _)), Is.True);
        Assert.That(Ok(await As(newKey).RunAsync("keys", "list")).Output, Does.Contain(oldId).And.Contain("console 2027"));

        Assert.That(Ok(await As(newKey).RunAsync("keys", "revoke", oldId)).Lines[0], Is.EqualTo($"revoked {oldId} of keys-ops"));
        var refused = await As(oldKey).RunAsync("whoami");
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Refused), refused.ToString());
        Assert.That(refused.Error, Does.Contain($"API key {oldId} was revoked"));
        Assert.That(Ok(await As(newKey).RunAsync("whoami")).Lines[0], Does.StartWith("keys-ops"));
    }
}
