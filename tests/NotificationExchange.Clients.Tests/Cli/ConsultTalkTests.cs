using System.Collections.Concurrent;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Clients.Tests.Support;
using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>
/// nxc consult talk as a person uses it: nxc as a process of its own in a terminal (tmux), against a real exchange.
/// The other party sends with nxc consult say and listens with the library's conversation. A message arriving while a
/// line is half typed shows above it and leaves the half-typed line as it was; the finished line reaches the other
/// party; what was shown is acknowledged as read; /close proposes closing; /quit leaves with status 0.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConsultTalkTests : ExchangeFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private Tmux? _terminal;

    [OneTimeSetUp]
    public void NxcIsBuilt() => Assert.That(File.Exists(Nxc.Dll), $"nxc is built at {Nxc.Dll}");

    [TearDown]
    public void KillTerminal() => _terminal?.Dispose();

    [Test]
    public async Task Messages_arrive_above_a_half_typed_line_the_typed_line_reaches_the_other_party_close_proposes_and_quit_exits_0()
    {
        var esaKey = await Exchange.NewOperatorKeyAsync("talk-esa");
        var cnesKey = await Exchange.NewOperatorKeyAsync("talk-cnes");
        var esa = As(esaKey);
        var cnes = As(cnesKey);
        var id = Ok(await esa.RunAsync("consult", "request", "talk-cnes", "--urgency", "urgent", "--subject", "Live talk", "-o", "json")).Json().GetProperty("id").GetString()!;
        Ok(await cnes.RunAsync("consult", "accept", id));
        Ok(await cnes.RunAsync("consult", "say", id, "Said before you joined"));

        // The other party listens through the library, as any client would.
        using var cnesClient = NxClient.Create(new NxClientOptions { Address = new Uri(Exchange.Address), ApiKey = cnesKey });
        var heard = new ConcurrentQueue<ConverseResponse>();
        using var stopListening = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in cnesClient.Consultations.Converse(id).ReadAllAsync(stopListening.Token))
                {
                    heard.Enqueue(response);
                }
            }
            catch (Exception) when (stopListening.IsCancellationRequested)
            {
            }
        });

        _terminal = Tmux.Start(120, 30, esa.ProcessEnvironment, "dotnet", Nxc.Dll, "consult", "talk", id);
        await _terminal.WaitForScreenAsync(s => s.Any(l => l.Contains("talk-cnes: Said before you joined")) && s.Any(l => l.Contains("live now")), Wait,
            "the conversation so far and the live marker");

        _terminal.Type("I am typing th");
        await _terminal.WaitForScreenAsync(s => LastLine(s) == "> I am typing th", Wait, "the half-typed line at the prompt");
        Ok(await cnes.RunAsync("consult", "say", id, "Arrives while you type"));
        var screen = await _terminal.WaitForScreenAsync(s => s.Any(l => l.Contains("#2 ") && l.EndsWith("talk-cnes: Arrives while you type", StringComparison.Ordinal)), Wait,
            "the message sent while a line was half typed");
        Assert.That(LastLine(screen), Is.EqualTo("> I am typing th"), "the half-typed line stays below the new message, as it was");
        Assert.That(Array.FindIndex(screen, l => l.Contains("Arrives while you type")), Is.LessThan(Array.FindLastIndex(screen, l => l.Length > 0)));

        _terminal.Type("is line");
        _terminal.Enter();
        await WaitAsync(() => heard.Any(r => r.Message is { FromOrganization: "talk-esa", Text: "I am typing this line" }), "the typed line at the other party", heard);
        await _terminal.WaitForScreenAsync(s => s.Any(l => l.EndsWith("talk-esa: I am typing this line", StringComparison.Ordinal)) && LastLine(s) == ">", Wait,
            "the sent line in the conversation and an empty prompt");
        await WaitAsync(() => heard.Any(r => r.Receipt is { OrganizationId: "talk-esa", ReadThrough: >= 2 }), "talk-esa's read receipt for what it was shown", heard);

        _terminal.Type("/close We agree: talk-esa burns as filed");
        _terminal.Enter();
        await _terminal.WaitForScreenAsync(s => s.Any(l => l.StartsWith($"-- closure proposed: {id} ", StringComparison.Ordinal)), Wait, "the closure proposed from the talk");

        _terminal.Type("/quit");
        _terminal.Enter();
        Assert.That(await _terminal.WaitForExitAsync(Wait), Is.EqualTo(0), string.Join('\n', _terminal.Screen()));

        await stopListening.CancelAsync();
        await listening;
    }

    [Test]
    public async Task Talk_on_a_consultation_that_is_not_open_says_why_and_exits_3()
    {
        var key = await Exchange.NewOperatorKeyAsync("talk-early");
        await Exchange.NewOperatorKeyAsync("talk-early-other");
        var id = Ok(await As(key).RunAsync("consult", "request", "talk-early-other", "--urgency", "routine", "--subject", "Not yet", "-o", "json")).Json().GetProperty("id").GetString()!;

        _terminal = Tmux.Start(120, 10, As(key).ProcessEnvironment, "dotnet", Nxc.Dll, "consult", "talk", id);

        Assert.That(await _terminal.WaitForExitAsync(Wait), Is.EqualTo(ExitCodes.Refused));
        Assert.That(_terminal.Screen(), Has.Some.StartsWith("nxc: refused: FailedPrecondition"));
    }

    private static string LastLine(string[] screen) => screen.LastOrDefault(l => l.Length > 0) ?? "";

    private static async Task WaitAsync(Func<bool> condition, string what, IEnumerable<ConverseResponse> heard)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"no {what} within {Wait}; heard: {string.Join(", ", heard)}");
            }
            await Task.Delay(50);
        }
    }
}
