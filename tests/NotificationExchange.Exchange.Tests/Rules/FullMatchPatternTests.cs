using NotificationExchange.Ccsds;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Rules;

/// <summary>
/// Every pattern that checks a whole value matches the whole value: in .NET `$` also matches before a final line break
/// and `\d` matches any Unicode decimal digit, so "MNV-1\n" once passed the id check and was looked up (found by the
/// grpc-js outsider client). Each case here is a value one character away from a valid one.
/// </summary>
public class FullMatchPatternTests
{
    [TestCase("MNV-1")]
    [TestCase("LCH-987654321")]
    public void A_notification_id_is_accepted(string id) => Assert.That(IdViolations(id), Is.Empty);

    [TestCase("MNV-1\n")]
    [TestCase("MNV-1\r\n")]
    [TestCase("MNV-\u0664\u0662")] // Arabic-Indic digits
    [TestCase("MNV-1\u0663")]
    public void A_notification_id_with_a_line_break_or_foreign_digits_is_not_an_id(string id) =>
        Assert.That(IdViolations(id), Has.Some.Contains("is not a notification id"));

    [TestCase("1998-067A", true)]
    [TestCase("1998-067A\n", false)]
    [TestCase("\u0661\u0669\u0669\u0668-067A", false)]
    [TestCase("1998-\u0660\u0666\u0667A", false)]
    public void A_cospar_id_is_checked_whole(string cosparId, bool valid) =>
        Assert.That(Violations(e => SpaceObjectValidation.Validate("object", new SpaceObjectRef(25544, cosparId), e)),
            valid ? Is.Empty : Has.Some.StartsWith("object.cospar_id:"));

    [TestCase("ops@example.org", null, true)]
    [TestCase("ops@example.org\n", null, false)]
    [TestCase(null, "+33 1 23 45 67 89", true)]
    [TestCase(null, "+33 1 23 45 67 89\n", false)]
    [TestCase(null, "+\u0663\u0663 1 23", false)]
    public void A_contact_address_is_checked_whole(string? email, string? phone, bool valid) =>
        Assert.That(Violations(e => ContactValidation.Validate("contact", new PointOfContact("Duty officer", Email: email, Phone: phone), e)),
            valid ? Is.Empty : Has.Some.Match("^contact\\.(email|phone):"));

    [TestCase("esa-ops", true)]
    [TestCase("esa-ops\n", false)]
    public void An_operator_id_is_checked_whole(string id, bool valid) => Assert.That(OperatorAccount.IsValidId(id), Is.EqualTo(valid));

    [TestCase("1998-067A", true)]
    [TestCase("UNKNOWN", true)]
    [TestCase("1998-067A\n", false)]
    [TestCase("\u0661998-067A", false)]
    public void A_ccsds_international_designator_is_checked_whole(string value, bool valid) =>
        Assert.That(CcsdsVocabulary.IsInternationalDesignator(value), Is.EqualTo(valid));

    private static string[] IdViolations(string id) => Violations(e => NotificationIds.Validate("notification_id", id, e));

    private static string[] Violations(Action<ValidationErrors> validate)
    {
        var errors = new ValidationErrors();
        validate(errors);
        return errors.Violations.Select(v => $"{v.Field}: {v.Description}").ToArray();
    }
}
