using System.Collections.Frozen;
using System.Globalization;
using Google.Protobuf;
using AuditAction = NotificationExchange.Domain.Audit.AuditAction;
using AuditTargetKind = NotificationExchange.Domain.Audit.AuditTargetKind;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Api.Audit;

/// <summary>
/// Every RPC of the wire contract, either audited (how) or not (why). A method in neither table fails
/// AuditCompletenessTests, so a new RPC is audited, or said not to be, before it ships.
/// </summary>
internal static class AuditedCalls
{
    /// <summary>The audited calls, by full method name ("notification_exchange.v1.NotificationService/FileNotification").</summary>
    public static FrozenDictionary<string, AuditedCall> Audited { get; } = new Dictionary<string, AuditedCall>
    {
        // notifications: the id a filing made is in its answer
        [Name(NotificationService.Descriptor, "FileNotification")] = On<FileNotificationRequest, FileNotificationResponse>(AuditAction.File, AuditTargetKind.Notification, (_, r) => r?.Notification?.Id),
        [Name(NotificationService.Descriptor, "AmendNotification")] = On<AmendNotificationRequest, FileNotificationResponse>(AuditAction.Amend, AuditTargetKind.Notification, (q, _) => q.NotificationId),
        [Name(NotificationService.Descriptor, "CancelNotification")] = On<CancelNotificationRequest, FileNotificationResponse>(AuditAction.Cancel, AuditTargetKind.Notification, (q, _) => q.NotificationId),
        [Name(NotificationService.Descriptor, "ReportExecution")] = On<ReportExecutionRequest, FileNotificationResponse>(AuditAction.Report, AuditTargetKind.Notification, (q, _) => q.NotificationId),
        [Name(NotificationService.Descriptor, "GetNotification")] = On<GetNotificationRequest, GetNotificationResponse>(AuditAction.Read, AuditTargetKind.Notification, (q, _) => q.NotificationId),
        [Name(NotificationService.Descriptor, "GetAttachment")] = On<GetAttachmentRequest, Attachment>(AuditAction.Read, AuditTargetKind.Notification, (q, _) => q.NotificationId),
        [Name(NotificationService.Descriptor, "ExportNotification")] = On<ExportNotificationRequest, ExportedMessage>(AuditAction.Read, AuditTargetKind.Notification, (q, _) => q.NotificationId),

        // alerts
        [Name(AlertService.Descriptor, "GetAlert")] = On<GetAlertRequest, GetAlertResponse>(AuditAction.Read, AuditTargetKind.Alert, (q, _) => q.AlertId),
        [Name(AlertService.Descriptor, "AcknowledgeAlert")] = On<AcknowledgeAlertRequest, Alert>(AuditAction.Acknowledge, AuditTargetKind.Alert, (q, _) => q.AlertId),
        [Name(AlertService.Descriptor, "ExportAlertCdm")] = On<ExportAlertCdmRequest, ExportedCdm>(AuditAction.Read, AuditTargetKind.Alert, (q, _) => q.AlertId),

        // consultations and direct lines: a request's id is in its answer; a Converse stream's in its first message
        [Name(ConsultationService.Descriptor, "RequestConsultation")] = On<RequestConsultationRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (_, r) => r?.Id),
        [Name(ConsultationService.Descriptor, "AcknowledgeConsultation")] = On<AcknowledgeConsultationRequest, Consultation>(AuditAction.Acknowledge, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "AcceptConsultation")] = On<AcceptConsultationRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "DeclineConsultation")] = On<DeclineConsultationRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "ProposeTime")] = On<ProposeTimeRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "WithdrawConsultation")] = On<WithdrawConsultationRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "ProposeClosure")] = On<ProposeClosureRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "ConfirmClosure")] = On<ConfirmClosureRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "ContestClosure")] = On<ContestClosureRequest, Consultation>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "GetConsultation")] = On<GetConsultationRequest, GetConsultationResponse>(AuditAction.Read, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "Converse")] = On<ConverseRequest, ConverseResponse>(AuditAction.Consult, AuditTargetKind.Consultation, (q, _) => q.Open?.ConsultationId),
        [Name(ConsultationService.Descriptor, "ExportTranscript")] = On<ExportTranscriptRequest, ExportTranscriptResponse>(AuditAction.Read, AuditTargetKind.Consultation, (q, _) => q.ConsultationId),
        [Name(ConsultationService.Descriptor, "ProposeDirectLine")] = On<ProposeDirectLineRequest, DirectLine>(AuditAction.Consult, AuditTargetKind.DirectLine, (_, r) => r?.Id),
        [Name(ConsultationService.Descriptor, "AcceptDirectLine")] = On<AcceptDirectLineRequest, DirectLine>(AuditAction.Consult, AuditTargetKind.DirectLine, (q, _) => q.DirectLineId),
        // ringing opens a consultation: the target is the line rung (the consultation is in the line's history)
        [Name(ConsultationService.Descriptor, "RingDirectLine")] = On<RingDirectLineRequest, Consultation>(AuditAction.Consult, AuditTargetKind.DirectLine, (q, _) => q.DirectLineId),

        // the registry and the catalogue
        [Name(ObjectRegistryService.Descriptor, "RegisterObject")] = On<RegisterObjectRequest, RegisteredObject>(AuditAction.Register, AuditTargetKind.Object, (q, _) => Number(q.Object?.NoradCatId ?? 0)),
        [Name(ObjectRegistryService.Descriptor, "ReleaseObject")] = On<ReleaseObjectRequest, ReleaseObjectResponse>(AuditAction.Register, AuditTargetKind.Object, (q, _) => Number(q.NoradCatId)),
        [Name(ObjectRegistryService.Descriptor, "ResolveObjectClaim")] = On<ResolveObjectClaimRequest, ObjectClaim>(AuditAction.Register, AuditTargetKind.Claim, (q, _) => q.ClaimId),
        [Name(ObjectRegistryService.Descriptor, "LoadCatalogue")] = On<LoadCatalogueRequest, CatalogueLoadReport>(AuditAction.Administer, AuditTargetKind.Catalogue, (_, _) => null),

        // operators, keys and profiles: the organisation administered, or the caller's own
        [Name(OperatorService.Descriptor, "CreateOperator")] = On<CreateOperatorRequest, CreateOperatorResponse>(AuditAction.Administer, AuditTargetKind.Organization, (q, _) => q.OperatorId),
        [Name(OperatorService.Descriptor, "RotateApiKey")] = On<RotateApiKeyRequest, RotateApiKeyResponse>(AuditAction.Administer, AuditTargetKind.Organization, (q, _) => q.OperatorId),
        // credentials: issuing names the organisation (the caller's own when none is named); revoking names the key
        // or certificate, whose organisation is its owner; registering a certificate names the registration made
        [Name(OperatorService.Descriptor, "IssueApiKey")] = new(AuditAction.Administer, AuditTargetKind.Organization,
            (request, _, caller) => ((IssueApiKeyRequest)request).OperatorId is { Length: > 0 } id ? id : caller),
        [Name(OperatorService.Descriptor, "RevokeApiKey")] = On<RevokeApiKeyRequest, ApiKey>(AuditAction.Administer, AuditTargetKind.Credential, (q, _) => q.KeyId),
        [Name(OperatorService.Descriptor, "RegisterClientCertificate")] = On<RegisterClientCertificateRequest, ClientCertificate>(AuditAction.Administer, AuditTargetKind.Credential, (_, r) => r?.CertificateId),
        [Name(OperatorService.Descriptor, "RevokeClientCertificate")] = On<RevokeClientCertificateRequest, ClientCertificate>(AuditAction.Administer, AuditTargetKind.Credential, (q, _) => q.CertificateId),
        [Name(OperatorService.Descriptor, "UpdateProfile")] = Own(),
        [Name(OperatorService.Descriptor, "RotateWebhookSecret")] = Own(),

        // subscriptions (their streams' deliveries are not audited; the position they acknowledge is)
        [Name(SubscriptionService.Descriptor, "CreateSubscription")] = On<CreateSubscriptionRequest, Subscription>(AuditAction.Administer, AuditTargetKind.Subscription, (_, r) => r?.Id),
        [Name(SubscriptionService.Descriptor, "DeleteSubscription")] = On<DeleteSubscriptionRequest, DeleteSubscriptionResponse>(AuditAction.Administer, AuditTargetKind.Subscription, (q, _) => q.SubscriptionId),
        [Name(SubscriptionService.Descriptor, "Acknowledge")] = On<AcknowledgeRequest, AcknowledgeResponse>(AuditAction.Acknowledge, AuditTargetKind.Subscription, (q, _) => q.SubscriptionId),
    }.ToFrozenDictionary();

    /// <summary>The calls not audited, and why: they change nothing and reveal no one's content by id.</summary>
    public static FrozenDictionary<string, string> NotAudited { get; } = new Dictionary<string, string>
    {
        [Name(NotificationService.Descriptor, "ListNotifications")] = "a listing",
        [Name(AlertService.Descriptor, "ListAlerts")] = "a listing",
        [Name(ConsultationService.Descriptor, "ListConsultations")] = "a listing",
        [Name(ConsultationService.Descriptor, "ListDirectLines")] = "a listing",
        [Name(ObjectRegistryService.Descriptor, "GetObject")] = "a registry read: public registration data",
        [Name(ObjectRegistryService.Descriptor, "ListObjects")] = "a listing",
        [Name(ObjectRegistryService.Descriptor, "ListObjectClaims")] = "a listing",
        [Name(ObjectRegistryService.Descriptor, "GetCatalogueStatus")] = "a status read",
        [Name(OperatorService.Descriptor, "ListOperators")] = "a listing",
        [Name(OperatorService.Descriptor, "WhoAmI")] = "the caller's own account",
        [Name(OperatorService.Descriptor, "ListApiKeys")] = "a listing of keys' metadata (never a key)",
        [Name(OperatorService.Descriptor, "ListClientCertificates")] = "a listing",
        [Name(OperatorService.Descriptor, "ListDirectory")] = "a listing of the public directory",
        [Name(OperatorService.Descriptor, "GetDirectoryEntry")] = "the public directory",
        [Name(SubscriptionService.Descriptor, "GetSubscription")] = "the caller's own subscription",
        [Name(SubscriptionService.Descriptor, "ListSubscriptions")] = "a listing",
        [Name(SubscriptionService.Descriptor, "Subscribe")] = "a stream's deliveries (its subscription's creation and acknowledgements are audited)",
        [Name(TransparencyService.Descriptor, "GetLogKey")] = "public proofs, no content",
        [Name(TransparencyService.Descriptor, "GetSignedTreeHead")] = "public proofs, no content",
        [Name(TransparencyService.Descriptor, "GetInclusionProofs")] = "public proofs, no content",
        [Name(TransparencyService.Descriptor, "GetConsistencyProof")] = "public proofs, no content",
        [Name(TransparencyService.Descriptor, "ListLeaves")] = "public proofs; entries only to their audience",
        [Name(AuditService.Descriptor, "ListAuditRecords")] = "the audit itself (auditing its reads would grow it with every look)",
    }.ToFrozenDictionary();

    /// <summary>The audited call of a gRPC method path ("/package.Service/Method", as ServerCallContext.Method has it).</summary>
    public static AuditedCall? Find(string methodPath) =>
        Audited.GetValueOrDefault(methodPath.StartsWith('/') ? methodPath[1..] : methodPath);

    /// <summary>The name of a method, checked against the descriptor so that a renamed RPC fails at start, not silently.</summary>
    private static string Name(Google.Protobuf.Reflection.ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) is { } found ? $"{service.FullName}/{found.Name}" : throw new InvalidOperationException($"{service.FullName} has no method {method}");

    private static AuditedCall On<TRequest, TResponse>(AuditAction action, AuditTargetKind kind, Func<TRequest, TResponse?, string?> target)
        where TRequest : class, IMessage where TResponse : class, IMessage =>
        new(action, kind, (request, response, _) => target((TRequest)request, response as TResponse) is { Length: > 0 } id ? id : null);

    private static AuditedCall Own() => new(AuditAction.Administer, AuditTargetKind.Organization, (_, _, caller) => caller);

    private static string? Number(uint number) => number == 0 ? null : number.ToString(CultureInfo.InvariantCulture);
}
