using System.Buffers.Binary;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NotificationExchange.Api.Authentication;
using NotificationExchange.Api.Mapping;
using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing;
using NotificationExchange.Filing.Ccsds;
using NotificationExchange.Protocol.V1;
using D = NotificationExchange.Domain.Notifications;

namespace NotificationExchange.Api.Services;

internal sealed class NotificationGrpcService(FilingService filing, INotificationLog log, IAlertStore alerts, ILogger<NotificationGrpcService> logger)
    : NotificationService.NotificationServiceBase
{
    [MergesWireViolations]
    public override async Task<FileNotificationResponse> FileNotification(FileNotificationRequest request, ServerCallContext context) =>
        Response(await filing.SubmitAsync(request.ToDraft(context.OperatorId(), WireValueInterceptor.Violations(context)), context.CancellationToken));

    [MergesWireViolations]
    public override async Task<FileNotificationResponse> AmendNotification(AmendNotificationRequest request, ServerCallContext context) =>
        Response(await filing.SubmitAsync(request.ToDraft(context.OperatorId(), WireValueInterceptor.Violations(context)), context.CancellationToken));

    [MergesWireViolations]
    public override async Task<FileNotificationResponse> CancelNotification(CancelNotificationRequest request, ServerCallContext context) =>
        Response(await filing.SubmitAsync(request.ToDraft(context.OperatorId(), WireValueInterceptor.Violations(context)), context.CancellationToken));

    [MergesWireViolations]
    public override async Task<FileNotificationResponse> ReportExecution(ReportExecutionRequest request, ServerCallContext context) =>
        Response(await filing.SubmitAsync(request.ToDraft(context.OperatorId(), WireValueInterceptor.Violations(context)), context.CancellationToken));

    // The four reads take calls without credentials, which see public notifications only (see FindAsync and listings).
    [AllowAnonymous]
    public override async Task<GetNotificationResponse> GetNotification(GetNotificationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var readerId = context.CallerId();
        var found = await FindAsync(request.NotificationId, request.HasVersion ? request.Version : null, readerId, ct);
        var response = new GetNotificationResponse { Notification = await WithScreeningAsync(EventMessages.Render(found), readerId, ct) };
        if (request.IncludeHistory)
        {
            // A version that cannot be read back is shown as such; it does not fail the history of the others. Every
            // version is shown to whom the latest admits: an audience only widens, so it admitted each of them or
            // admits them now that their embargo or narrower audience has given way.
            foreach (var entry in await log.GetHistoryAsync(request.NotificationId, ct))
            {
                var revision = new NotificationRevision
                {
                    Sequence = (ulong)entry.Sequence,
                    RecordedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(entry.RecordedAt),
                };
                switch (entry)
                {
                    case RecordedEvent recorded:
                        revision.EventType = recorded.Type.ToProto();
                        revision.Version = (uint)recorded.Notification.Version;
                        if (EventMessages.TryRender(recorded.Notification, out var rendered, out var reason))
                        {
                            revision.Notification = rendered;
                        }
                        else
                        {
                            revision.UnreadableReason = reason;
                        }
                        break;
                    case D.UnreadableEvent unreadable:
                        revision.EventType = unreadable.Type.ToProto();
                        revision.Version = (uint)unreadable.Version;
                        revision.UnreadableReason = unreadable.Reason;
                        break;
                }
                response.History.Add(revision);
            }
        }
        return response;
    }

    [MergesWireViolations]
    [AllowAnonymous]
    public override async Task<ListNotificationsResponse> ListNotifications(ListNotificationsRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors(WireValueInterceptor.Violations(context));
        var listing = request.ToDomain();
        listing.Validate(errors);
        var before = PageTokens.Read(request.PageToken, PageTokenFormat, p => p.Length == sizeof(long), errors) is { } position
            ? BinaryPrimitives.ReadInt64BigEndian(position)
            : (long?)null;
        var readerId = context.CallerId();
        errors.ThrowIfAny();

        // The store leaves out what the reader may not see before it pages (and before any filter is answered), so a
        // filter naming a restricted notification's object or filer finds what a filter matching nothing finds.
        var page = await log.QueryAsync(listing.ToQuery(before, readerId), context.CancellationToken);
        var response = new ListNotificationsResponse { NextPageToken = page.NextBeforeFirstSequence is { } next ? EncodePageToken(next) : "" };
        foreach (var notification in page.Notifications)
        {
            // One notification that cannot be rendered must not fail the listing for everyone (the write path rules
            // this out for what it stores; this guards what an earlier version stored).
            if (EventMessages.TryRender(notification, out var rendered, out var reason))
            {
                response.Notifications.Add(await WithScreeningAsync(rendered, readerId, context.CancellationToken));
            }
            else
            {
                logger.LogError("Listing leaves out {NotificationId}: {Reason}", notification.Id, reason);
            }
        }
        return response;
    }

    [AllowAnonymous]
    public override async Task<Protocol.V1.Attachment> GetAttachment(GetAttachmentRequest request, ServerCallContext context)
    {
        var notification = await FindAsync(request.NotificationId, request.HasVersion ? request.Version : null, context.CallerId(), context.CancellationToken);
        var info = notification.Attachments.FirstOrDefault(a => (int)a.Role == (int)request.Role)
            ?? throw ExchangeRuleException.NotFound($"{request.Role} attachment of {notification.Id} version {notification.Version}");
        var content = await log.GetAttachmentContentAsync(notification.Id, info.Sha256, context.CancellationToken)
            ?? throw ExchangeRuleException.NotFound($"content of the {request.Role} attachment of {notification.Id}");
        return new Protocol.V1.Attachment { Info = info.ToProto(), Content = content };
    }

    [AllowAnonymous]
    public override async Task<ExportedMessage> ExportNotification(ExportNotificationRequest request, ServerCallContext context)
    {
        var readerId = context.CallerId();
        if (!Enum.IsDefined(request.Format))
        {
            throw ExchangeRuleException.Invalid("format", $"unknown value {(int)request.Format}");
        }
        var notification = await FindAsync(request.NotificationId, request.HasVersion ? request.Version : null, readerId, context.CancellationToken);
        var (mediaType, fileName, content) = OcmNoticeExport.Write(
            notification, request.Format == ExportFormat.OcmXml ? NotificationExchange.Ccsds.CcsdsSyntax.Xml : NotificationExchange.Ccsds.CcsdsSyntax.Kvn);
        return new ExportedMessage { MediaType = mediaType, FileName = fileName, Content = content };
    }

    /// <summary>
    /// The one place a read notification gets its screening (streams carry none: their events are sent before the
    /// screen): PENDING until the screening worker records one. Its alerts are named only where the reader is a party
    /// (the filer is a party of every alert its notification raised); to anyone else those alerts do not exist.
    /// </summary>
    private async Task<Protocol.V1.Notification> WithScreeningAsync(Protocol.V1.Notification notification, string? readerId, CancellationToken cancellationToken)
    {
        var status = await alerts.GetScreeningAsync(notification.Id, (int)notification.Version, cancellationToken) ?? Domain.Alerts.ScreeningStatus.Pending;
        var alertIds = new List<string>();
        foreach (var alertId in status.AlertIds ?? [])
        {
            if (notification.FilingOperator == readerId || (await alerts.GetAlertAsync(alertId, cancellationToken))?.Audience.Admits(readerId) == true)
            {
                alertIds.Add(alertId);
            }
        }
        notification.Screening = new Protocol.V1.ScreeningStatus
        {
            State = (ScreeningState)status.State,
            Reasons = { status.Reasons },
            ScreenedAt = WireScalars.ToTimestamp(status.ScreenedAt),
            Span = status.SpanStart is { } start && status.SpanEnd is { } end
                ? new Protocol.V1.TimeWindow { Start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(start), End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(end) }
                : null,
            ObjectsScreened = (uint)status.ObjectsScreened,
            Alerts = (uint)alertIds.Count,
            AlertIds = { alertIds },
        };
        return notification;
    }

    /// <summary>
    /// A notification at a version (the latest when none), or NOT_FOUND. The one check of every point read: the
    /// audience in force now (the latest entry's) must admit the reader, or the notification does not exist, in the
    /// words of an id never issued, whatever version was asked for.
    /// </summary>
    private async Task<D.Notification> FindAsync(string notificationId, uint? version, string? readerId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        NotificationIds.Validate("notification_id", notificationId, errors);
        errors.ThrowIfAny();
        var latest = NotificationAccess.Admitted(await log.GetLatestEntryAsync(notificationId, cancellationToken), readerId, notificationId);
        if (version is not { } v || v == latest.Notification.Version)
        {
            return latest.Notification;
        }
        return (await log.GetVersionAsync(notificationId, (int)Math.Min(v, int.MaxValue), cancellationToken))?.Notification
            ?? throw ExchangeRuleException.NotFound($"notification {notificationId} version {version}");
    }

    // The answer is the wire form rendered in the write (see EventMessages): what the filer is told is what streams carry.
    private static FileNotificationResponse Response(FilingOutcome outcome) =>
        new() { Notification = EventMessages.Answer(outcome), Replayed = outcome.Replayed };

    // A page token's position is the first sequence of the last notification returned, 8 bytes big-endian.
    private const byte PageTokenFormat = 1;

    private static string EncodePageToken(long beforeFirstSequence)
    {
        var position = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(position, beforeFirstSequence);
        return PageTokens.Encode(PageTokenFormat, position);
    }
}
