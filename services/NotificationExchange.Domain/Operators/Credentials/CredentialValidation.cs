using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators.Credentials;

/// <summary>What credential commands must say on their own: every fault at once, by field.</summary>
public static class CredentialValidation
{
    public const int LabelLength = 128;
    public const int SubjectLength = 1024;

    /// <summary>An issue command; its expiry must be after <paramref name="now"/>.</summary>
    public static void Validate(IssueApiKeyCommand command, DateTime now, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        OptionalOrganizationId("operator_id", command.OperatorId, errors);
        errors.OptionalText("label", command.Label, LabelLength, allowLineBreaks: false);
        if (command.ExpiresAt is { } expires && expires <= now)
        {
            errors.Add("expires_at", "is not in the future: a key that has expired already is of no use");
        }
        errors.ThrowIfAny();
    }

    /// <summary>A registration: an organisation, and exactly one of a thumbprint or a subject; the subject as it will be matched.</summary>
    public static RegisterClientCertificateCommand Validate(RegisterClientCertificateCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        ConsultationCommandValidation.OrganizationId("operator_id", command.OperatorId, errors);
        errors.OptionalText("label", command.Label, LabelLength, allowLineBreaks: false);
        var thumbprint = string.IsNullOrEmpty(command.Thumbprint) ? null : command.Thumbprint;
        var subject = string.IsNullOrEmpty(command.Subject) ? null : command.Subject;
        string? normalized = null;
        switch (thumbprint, subject)
        {
            case (null, null):
                errors.Add("thumbprint", "is required unless a subject is given: a certificate is registered by thumbprint or by subject");
                break;
            case ({ }, { }):
                errors.Add("subject", "is given with a thumbprint: register a certificate by one or the other");
                break;
            case ({ } t, null):
                if (t.Length != 64 || !t.All(char.IsAsciiHexDigit))
                {
                    errors.Add("thumbprint", $"{Quoted.Value(t)} is not a SHA-256 thumbprint (64 hex digits)");
                }
                break;
            case (null, { } s):
                normalized = Subject(s, errors);
                break;
        }
        errors.ThrowIfAny();
        return command with { Thumbprint = thumbprint?.ToUpperInvariant(), Subject = normalized };
    }

    /// <summary>An organisation id where empty means the caller's own (or every organisation).</summary>
    public static void OptionalOrganizationId(string at, string? id, ValidationErrors errors)
    {
        if (!string.IsNullOrEmpty(id))
        {
            ConsultationCommandValidation.OrganizationId(at, id, errors);
        }
    }

    private static string? Subject(string subject, ValidationErrors errors)
    {
        if (subject.Length > SubjectLength)
        {
            errors.Add("subject", $"is {subject.Length} characters long; at most {SubjectLength} allowed");
            return null;
        }
        try
        {
            // as the certificate's own subject reads (decoded from its encoding: Name alone echoes the text given), so
            // that the same name written with other spacing matches
            var name = new X500DistinguishedName(new X500DistinguishedName(subject).RawData).Name;
            if (string.IsNullOrEmpty(name))
            {
                errors.Add("subject", "is an empty distinguished name");
            }
            return name;
        }
        catch (CryptographicException)
        {
            errors.Add("subject", $"{Quoted.Value(subject)} is not a distinguished name (such as CN=ops.example.org, O=Example Operations, C=FR)");
            return null;
        }
    }
}
