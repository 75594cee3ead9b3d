using NotificationExchange.Domain.Consultations.Conversation;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Rules;

/// <summary>
/// The attachments of one conversation message hold at most 3 MiB together, so that the message, relayed whole to every
/// party, stays within what gRPC clients take by default (4 MiB).
/// </summary>
public class ConversationAttachmentLimitTests
{
    private static AttachmentDraft Attachment(int bytes) => new("text/plain", new string('x', bytes), "", 0);

    [Test]
    public void Attachments_up_to_3_MiB_together_are_kept()
    {
        var say = ConversationValidation.Check(new SayDraft("a-1", "", [Attachment(1024 * 1024), Attachment(2 * 1024 * 1024)]));

        Assert.That(say.Attachments.Sum(a => a.SizeBytes), Is.EqualTo(ConversationAttachment.MaxBytes));
    }

    [Test]
    public void More_than_3_MiB_together_is_refused_on_the_attachments_and_one_larger_attachment_on_its_content()
    {
        var together = Assert.Throws<ExchangeRuleException>(() =>
            ConversationValidation.Check(new SayDraft("a-1", "", [Attachment(2 * 1024 * 1024), Attachment(1024 * 1024 + 1)])))!;
        var alone = Assert.Throws<ExchangeRuleException>(() =>
            ConversationValidation.Check(new SayDraft("a-1", "", [Attachment(3 * 1024 * 1024 + 1)])))!;

        Assert.That(together.Violations.Select(v => v.Field), Is.EqualTo(new[] { "say.attachments" }));
        Assert.That(together.Violations[0].Description, Does.Contain("3145729 bytes"));
        Assert.That(alone.Violations.Select(v => v.Field), Is.EqualTo(new[] { "say.attachments[0].content" }));
    }
}
