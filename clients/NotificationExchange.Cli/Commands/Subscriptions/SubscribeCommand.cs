using System.CommandLine;
using System.Globalization;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Subscriptions;

/// <summary>nxc subscribe create|list|delete: your durable, filtered subscriptions (follow one with nxc watch).</summary>
internal static class SubscribeCommand
{
    public static Command Build(VerbContext context)
    {
        var command = new Command("subscribe", "Your subscriptions: what nxc watch follows");
        command.Subcommands.Add(Create(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    private static Command Create(VerbContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A name for it, 1 to 128 characters (nxc watch NAME follows it)" };
        var kinds = EnumWords<NotificationKind>.Options("--kind", "Only notifications of these kinds");
        var norad = ValueOptions.List("--norad", "Only notifications concerning these objects (maneuvering object, chaser or target, deployed objects); repeat or separate by commas", Values.Norad, helpName: "NUMBER");
        var operators = ValueOptions.List("--operator", "Only notifications these operators filed; repeat or separate by commas", id => id, helpName: "ID");
        var regimes = EnumWords<OrbitalRegime>.Options("--regime", "Only notifications whose orbits are in these regimes");
        var events = EnumWords<NotificationEventType>.Options("--event", "Only these notification events");
        var noConsultations = new Option<bool>("--no-consultations") { Description = "Leave out the events of consultations and direct lines you are a party of (sent by default)" };
        var noAlerts = new Option<bool>("--no-alerts") { Description = "Leave out alerts (on objects you operate and notifications you filed, sent by default)" };
        var maxMiss = ValueOptions.Scalar("--alert-max-miss", "Only alerts whose miss distance is at most this, metres", Values.Number, "M");
        var minProbability = ValueOptions.Scalar("--alert-min-probability", "Only alerts whose probability of collision is at least this, 0 to 1", Values.Number, "P");
        var alertRegimes = EnumWords<OrbitalRegime>.Options("--alert-regime", "Only alerts in these regimes");
        var unannounced = new Option<bool>("--alert-unannounced-only") { Description = "Only alerts on approaches nobody announced" };
        var start = EnumWords<StartPosition>.Option("--start", "Where it starts: latest (events from now on, the default) or earliest (everything ever recorded)");
        var command = new Command("create", "Create a subscription: the filters select notification events (every list given must match; within a list, any entry)")
        {
            name, kinds, norad, operators, regimes, events, noConsultations, noAlerts, maxMiss, minProbability, alertRegimes, unannounced, start,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var filter = new SubscriptionFilter
            {
                Kinds = { parse.GetValue(kinds) ?? [] },
                NoradCatIds = { parse.GetValue(norad) ?? [] },
                FilingOperators = { parse.GetValue(operators) ?? [] },
                Regimes = { parse.GetValue(regimes) ?? [] },
                EventTypes = { parse.GetValue(events) ?? [] },
                ExcludeConsultationEvents = parse.GetValue(noConsultations),
            };
            if (parse.GetValue(noAlerts) || parse.Given(maxMiss) || parse.Given(minProbability) || parse.Given(alertRegimes) || parse.GetValue(unannounced))
            {
                filter.Alerts = new AlertFilter
                {
                    Exclude = parse.GetValue(noAlerts),
                    MaxMissDistanceM = parse.GetValue(maxMiss) ?? 0,
                    MinProbability = parse.GetValue(minProbability) ?? 0,
                    Regimes = { parse.GetValue(alertRegimes) ?? [] },
                    UnannouncedOnly = parse.GetValue(unannounced),
                };
            }
            var created = await session.Client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest
            {
                Name = parse.GetValue(name)!,
                Filter = filter,
                Start = parse.GetValue(start) ?? StartPosition.Latest,
            }, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(created);
            }
            else
            {
                session.Print.Line($"created subscription {created.Id} \"{created.Name}\": {Describe(created.Filter)}; from sequence {created.AcknowledgedSequence} on (nxc watch {created.Id})");
            }
            return ExitCodes.Ok;
        });
    }

    private static Command List(VerbContext context) =>
        new Command("list", "Your subscriptions, with their filters and acknowledged positions").Runs(context, async (session, cancellationToken) =>
        {
            var subscriptions = (await session.Client.Subscriptions.ListSubscriptionsAsync(new ListSubscriptionsRequest(), cancellationToken)).Subscriptions;
            if (session.Print.Json)
            {
                session.Print.Messages(subscriptions);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Id", "Name", "Filter", "Acknowledged", "Created");
            foreach (var s in subscriptions)
            {
                table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Name), Markup.Escape(Describe(s.Filter)),
                    s.AcknowledgedSequence.ToString(CultureInfo.InvariantCulture), Words.Time(s.CreatedAt));
            }
            session.Print.Table(table);
            return ExitCodes.Ok;
        });

    private static Command Delete(VerbContext context)
    {
        var subscription = new Argument<string>("SUBSCRIPTION") { Description = "Its id, or its name when no other has it" };
        var command = new Command("delete", "Delete a subscription (a stream following it ends)") { subscription };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var found = await SubscriptionLookup.FindAsync(session, session.Parse.GetValue(subscription)!, cancellationToken);
            await session.Client.Subscriptions.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { SubscriptionId = found.Id }, cancellationToken);
            session.Print.Answer(found, $"deleted subscription {found.Id}{(found.Name.Length > 0 ? $" \"{found.Name}\"" : "")}");
            return ExitCodes.Ok;
        });
    }

    /// <summary>"kinds maneuver; objects 25544; alerts: miss at most 500 m", or "everything you may see".</summary>
    internal static string Describe(SubscriptionFilter? filter)
    {
        if (filter is null)
        {
            return "everything you may see";
        }
        var parts = new List<string>();
        void Add<T>(string label, IEnumerable<T> values, Func<T, string> word)
        {
            var list = values.Select(word).ToList();
            if (list.Count > 0)
            {
                parts.Add($"{label} {string.Join(", ", list)}");
            }
        }
        Add("kinds", filter.Kinds, k => Words.Token(k));
        Add("objects", filter.NoradCatIds, n => n.ToString(CultureInfo.InvariantCulture));
        Add("operators", filter.FilingOperators, o => o);
        Add("regimes", filter.Regimes, r => Words.Token(r));
        Add("events", filter.EventTypes, e => Words.Token(e));
        if (filter.ExcludeConsultationEvents)
        {
            parts.Add("no consultation events");
        }
        if (filter.Alerts is { } alerts)
        {
            if (alerts.Exclude)
            {
                parts.Add("no alerts");
            }
            else
            {
                var narrowed = new List<string>();
                if (alerts.MaxMissDistanceM > 0)
                {
                    narrowed.Add($"miss at most {Words.Number(alerts.MaxMissDistanceM)} m");
                }
                if (alerts.MinProbability > 0)
                {
                    narrowed.Add($"probability at least {Words.Number(alerts.MinProbability, "0.######")}");
                }
                if (alerts.Regimes.Count > 0)
                {
                    narrowed.Add($"in {string.Join(", ", alerts.Regimes.Select(r => Words.Token(r)))}");
                }
                if (alerts.UnannouncedOnly)
                {
                    narrowed.Add("unannounced only");
                }
                if (narrowed.Count > 0)
                {
                    parts.Add($"alerts {string.Join(", ", narrowed)}");
                }
            }
        }
        return parts.Count == 0 ? "everything you may see" : string.Join("; ", parts);
    }
}
