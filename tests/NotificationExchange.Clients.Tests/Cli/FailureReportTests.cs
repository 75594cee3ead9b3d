using Grpc.Core;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client.Errors;
using NUnit.Framework;

namespace NotificationExchange.Clients.Tests.Cli;

/// <summary>How nxc words a failure on stderr (<see cref="Verb.Report"/>): a refusal naming fields says each once.</summary>
public sealed class FailureReportTests
{
    [Test]
    public void A_refusal_with_field_violations_is_a_count_then_one_line_per_field_and_not_the_message_that_repeats_them()
    {
        var error = new NxError(StatusCode.InvalidArgument, "subject: at most 200 characters", [new FieldViolation("subject", "at most 200 characters")], null);

        var lines = Report(new NxException(error, new RpcException(new Status(error.Code, error.Message))), out var code);

        Assert.That(code, Is.EqualTo(ExitCodes.Refused));
        Assert.That(lines, Is.EqualTo(new[] { "nxc: refused: InvalidArgument: 1 field", "  subject: at most 200 characters" }));
    }

    [Test]
    public void A_refusal_without_field_violations_is_one_line_with_the_message()
    {
        var error = new NxError(StatusCode.NotFound, "no notification MNV-9", [], null);

        var lines = Report(new NxException(error, new RpcException(new Status(error.Code, error.Message))), out var code);

        Assert.That((code, lines.Single()), Is.EqualTo((ExitCodes.Refused, "nxc: refused: NotFound: no notification MNV-9")));
    }

    [Test]
    public void Control_characters_in_what_is_quoted_are_escaped_so_that_a_failure_stays_one_line()
    {
        var lines = Report(new UsageException("--name: 'a\nb\u001b[2J' is not a name"), out var code);

        Assert.That((code, lines.Single()), Is.EqualTo((ExitCodes.Usage, "nxc: --name: 'a\\nb\\u001b[2J' is not a name")));
    }

    private static string[] Report(Exception failure, out int code)
    {
        var error = new StringWriter();
        code = Verb.Report(error, failure, interrupted: false, session: null);
        return error.ToString().TrimEnd('\n').Split('\n');
    }
}
