using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Rules;

/// <summary>A value quoted in an error cannot add lines to a log or swell an answer (grpc-dotnet logs every status detail).</summary>
public class QuotedValueTests
{
    [TestCase("MNV-x", "'MNV-x'")]
    [TestCase("MNV-1\n2024-01-01 INFO forged line", @"'MNV-1\n2024-01-01 INFO forged line'")]
    [TestCase("a\r\tb\u0000c\u2028d\u0085", @"'a\r\tb\u0000c\u2028d\u0085'")]
    [TestCase("🛰e\u0301", "'🛰e\u0301'")]
    public void Control_characters_are_written_as_escapes(string value, string expected) => Assert.That(Quoted.Value(value), Is.EqualTo(expected));

    [Test]
    public void A_long_value_is_cut_and_its_length_said()
    {
        var quoted = Quoted.Value("MNV-" + new string('9', 400));
        Assert.That(quoted, Is.EqualTo("'MNV-" + new string('9', Quoted.MaxShown - 4) + "…' (404 characters)"));
    }

    [Test]
    public void A_validation_error_quotes_the_value_it_refuses_that_way()
    {
        var errors = new ValidationErrors();
        NotificationIds.Validate("notification_id", "MNV-1\nforged", errors);
        Assert.That(errors.Violations.Single().Description, Is.EqualTo(@"'MNV-1\nforged' is not a notification id (such as MNV-42)"));
    }
}
