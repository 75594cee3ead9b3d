using System.Buffers.Binary;
using System.Text;
using Grpc.Core;
using NotificationExchange.Alerts.Cdm;
using NotificationExchange.Alerts.Coordination;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using DomainContact = NotificationExchange.Domain.Operators.ContactPoint;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Alerts;

namespace NotificationExchange.Api.Services;

/// <summary>
/// Alerts over gRPC, to their parties only: to anyone else an alert does not exist (NOT_FOUND, as for an id never
/// issued). Answers are the alert as its event was rendered in the write, with each operator's contact points as the
/// directory has them now (the log's versions do not hold them). An alert that withholds its notification names it only
/// to a reader the notification's audience in force admits (<see cref="Domain.Notifications.NotificationAccess"/>, as GetNotification asks).
/// </summary>
internal sealed class AlertGrpcService(
    AlertCoordination coordination, AlertCdmExporter cdm, IAlertStore store, INotificationLog log, IOperatorDirectory directory)
    : AlertService.AlertServiceBase
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    // A page token's position is the TCA (ticks, 8 bytes big-endian) and the id (UTF-8) of the last alert returned.
    private const byte PageTokenFormat = 5;

    public override async Task<GetAlertResponse> GetAlert(GetAlertRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        D.AlertIds.Validate("alert_id", request.AlertId, errors);
        errors.ThrowIfAny();
        var ct = context.CancellationToken;
        var latest = D.AlertAccess.Admitted(await store.GetAlertAsync(request.AlertId, ct), context.OperatorId(), request.AlertId);
        var history = await store.GetAlertHistoryAsync(request.AlertId, ct);
        var notices = await AdmittedNoticesAsync(history.OfType<D.AlertRecorded>().Select(r => r.Alert).Append(latest.Alert), context.OperatorId(), ct);
        var response = new GetAlertResponse
        {
            Alert = EventMessages.Render(latest).WithNotice(latest.Alert, notices.Contains(latest.Alert.NotificationId ?? ""))
                .WithContacts(await ContactsAsync([latest.Alert], ct)),
        };
        foreach (var entry in history)
        {
            // A version that cannot be read back is left out of the history; its neighbours still tell the story.
            if (entry is D.AlertRecorded recorded && EventMessages.TryRender(recorded, out var rendered))
            {
                if (notices.Contains(recorded.Alert.NotificationId ?? ""))
                {
                    rendered = rendered.Clone();
                    rendered.Alert = rendered.Alert.WithNotice(recorded.Alert, readerAdmitted: true);
                }
                response.History.Add(rendered);
            }
        }
        return response;
    }

    [MergesWireViolations]
    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        for (var i = 0; i < request.States.Count; i++)
        {
            errors.KnownEnum($"states[{i}]", (D.AlertState)request.States[i]);
        }
        if (request.PageSize > MaxPageSize)
        {
            errors.Add("page_size", $"is {request.PageSize}; at most {MaxPageSize} allowed");
        }
        if (request.NoradCatId > int.MaxValue)
        {
            errors.Add("norad_cat_id", $"{request.NoradCatId} is not a catalogue number");
        }
        var position = PageTokens.Read(request.PageToken, PageTokenFormat, IsPosition, errors);
        errors.ThrowIfAny();
        var pageSize = request.PageSize == 0 ? DefaultPageSize : (int)request.PageSize;
        var page = await store.ListAlertsAsync(
            new AlertQuery(
                context.OperatorId(),
                request.States.Select(s => (D.AlertState)s).ToArray(),
                request.NoradCatId == 0 ? null : (int)request.NoradCatId,
                request.UnannouncedOnly,
                pageSize,
                position is null ? null : new DateTime(BinaryPrimitives.ReadInt64BigEndian(position), DateTimeKind.Utc),
                position is null ? null : Encoding.UTF8.GetString(position.AsSpan(sizeof(long)))),
            context.CancellationToken);
        var contacts = await ContactsAsync(page.Alerts, context.CancellationToken);
        var notices = await AdmittedNoticesAsync(page.Alerts, context.OperatorId(), context.CancellationToken);
        var response = new ListAlertsResponse();
        response.Alerts.AddRange(page.Alerts.Select(a => a.ToProto().WithNotice(a, notices.Contains(a.NotificationId ?? "")).WithContacts(contacts)));
        if (page.HasMore && page.Alerts.Count > 0)
        {
            var last = page.Alerts[^1];
            var id = Encoding.UTF8.GetBytes(last.Id);
            var bytes = new byte[sizeof(long) + id.Length];
            BinaryPrimitives.WriteInt64BigEndian(bytes, last.Tca.Ticks);
            id.CopyTo(bytes, sizeof(long));
            response.NextPageToken = PageTokens.Encode(PageTokenFormat, bytes);
        }
        return response;
    }

    [MergesWireViolations]
    public override async Task<Alert> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context)
    {
        var outcome = await coordination.AcknowledgeAsync(
            request.ToCommand(context.OperatorId()), WireValueInterceptor.Violations(context), context.CancellationToken);
        var alert = outcome.Latest.Alert;
        var notices = await AdmittedNoticesAsync([alert], context.OperatorId(), context.CancellationToken);
        return EventMessages.Render(outcome.Latest).WithNotice(alert, notices.Contains(alert.NotificationId ?? ""))
            .WithContacts(await ContactsAsync([alert], context.CancellationToken));
    }

    public override async Task<ExportedCdm> ExportAlertCdm(ExportAlertCdmRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        D.AlertIds.Validate("alert_id", request.AlertId, errors);
        if (!Enum.IsDefined(request.Format))
        {
            errors.Add("format", $"unknown value {(int)request.Format}");
        }
        errors.ThrowIfAny();
        var syntax = request.Format == CdmFormat.Xml ? Ccsds.CcsdsSyntax.Xml : Ccsds.CcsdsSyntax.Kvn;
        var exported = await cdm.ExportAsync(context.OperatorId(), request.AlertId, syntax, context.CancellationToken);
        return new ExportedCdm { MediaType = exported.MediaType, FileName = exported.FileName, Content = exported.Content };
    }

    private static bool IsPosition(byte[] position)
    {
        if (position.Length <= sizeof(long))
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(position);
        var errors = new ValidationErrors();
        D.AlertIds.Validate("id", Encoding.UTF8.GetString(position.AsSpan(sizeof(long))), errors);
        return ticks is >= 0 and <= 3155378975999999999 && !errors.Any;
    }

    /// <summary>
    /// The notifications <paramref name="alerts"/> withhold that <paramref name="readerId"/> may read: those whose latest
    /// entry's audience admits it (the audience in force now, so an embargo released since the alert was built counts).
    /// </summary>
    private async Task<IReadOnlySet<string>> AdmittedNoticesAsync(IEnumerable<D.Alert> alerts, string readerId, CancellationToken cancellationToken)
    {
        var admitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in alerts.Where(a => a.NoticeWithheld).Select(a => a.NotificationId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Domain.Notifications.NotificationAccess.Admits(await log.GetLatestEntryAsync(id, cancellationToken), readerId))
            {
                admitted.Add(id);
            }
        }
        return admitted;
    }

    /// <summary>Each operator's contact points (public forms: their webhooks are their own), by operator id.</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<DomainContact>>> ContactsAsync(IEnumerable<D.Alert> alerts, CancellationToken cancellationToken)
    {
        var contacts = new Dictionary<string, IReadOnlyList<DomainContact>>();
        foreach (var operatorId in alerts.SelectMany(a => new[] { a.Primary.OperatorId, a.Secondary.OperatorId }).OfType<string>().Distinct())
        {
            contacts[operatorId] = (await directory.GetAsync(operatorId, cancellationToken))?.Profile.Contacts ?? [];
        }
        return contacts;
    }
}
