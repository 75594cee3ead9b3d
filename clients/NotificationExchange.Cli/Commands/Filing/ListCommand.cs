using System.CommandLine;
using System.Globalization;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// nxc list: notifications matching the filters of ListNotificationsRequest, newest first: one page (--page-size,
/// --page-token; the next page's token is told on stderr), or every page (--all). JSON: the ListNotificationsResponse
/// (with --all, every notification and no next token).
/// </summary>
internal static class ListCommand
{
    public static Command Build(VerbContext context)
    {
        var kinds = EnumWords<NotificationKind>.Options("--kind", "Only these kinds");
        var norad = ValueOptions.Scalar("--norad", "Only notifications concerning this object (maneuvering object, chaser or target, deployed object)", Values.Norad, "NUMBER");
        var filer = ValueOptions.Text("--operator", "Only those this operator filed", "ID");
        var statuses = EnumWords<NotificationStatus>.Options("--status", "Only these statuses");
        var start = ValueOptions.Reference("--window-start", $"Only those active (execution, operations or launch window) after this: {Values.TimeHelp}", Values.Time, "TIME");
        var end = ValueOptions.Reference("--window-end", $"Only those active before this: {Values.TimeHelp}", Values.Time, "TIME");
        var pageSize = ValueOptions.Scalar("--page-size", "Notifications a page, 1 to 500 (default 50)", Values.Count, "N");
        var pageToken = ValueOptions.Text("--page-token", "The page after the one that gave this token", "TOKEN");
        var all = new Option<bool>("--all") { Description = "Every page, not just one" };
        var command = new Command("list", "Notifications, newest first, filtered") { kinds, norad, filer, statuses, start, end, pageSize, pageToken, all };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var request = new ListNotificationsRequest
            {
                Kinds = { parse.GetValue(kinds) ?? [] },
                NoradCatId = parse.GetValue(norad) ?? 0,
                FilingOperator = parse.GetValue(filer) ?? "",
                Statuses = { parse.GetValue(statuses) ?? [] },
                PageSize = parse.GetValue(pageSize) ?? 0,
                PageToken = parse.GetValue(pageToken) ?? "",
            };
            if (parse.Given(start) || parse.Given(end))
            {
                // The exchange takes a closed window; an open end is the end of the times notices may hold.
                request.ActiveDuring = new TimeWindow
                {
                    Start = parse.GetValue(start) ?? Timestamp(1957, 1, 1),
                    End = parse.GetValue(end) ?? Timestamp(2099, 12, 31),
                };
            }
            var result = parse.GetValue(all)
                ? new ListNotificationsResponse
                {
                    Notifications = { await session.Client.Notifications.ListAllNotificationsAsync(request, cancellationToken).ToListAsync(cancellationToken) },
                }
                : await session.Client.Notifications.ListNotificationsAsync(request, cancellationToken);

            if (session.Print.Json)
            {
                session.Print.Message(result);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Id", "Version", "Status", "Kind", "Objects", "Window", "Filed by", "Updated");
            foreach (var n in result.Notifications)
            {
                table.AddRow(
                    Markup.Escape(n.Id), n.Version.ToString(CultureInfo.InvariantCulture), Words.Token(n.Status), Words.Token(n.Kind),
                    Markup.Escape(NotificationText.Objects(n)), Words.Window(NotificationText.Window(n)), Markup.Escape(n.FilingOperator), Words.Time(n.UpdatedAt));
            }
            session.Print.Table(table);
            if (result.NextPageToken.Length > 0)
            {
                session.Print.Note($"more: nxc list --page-token {result.NextPageToken} (or --all)");
            }
            return ExitCodes.Ok;
        });
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp Timestamp(int year, int month, int day) =>
        Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));
}
