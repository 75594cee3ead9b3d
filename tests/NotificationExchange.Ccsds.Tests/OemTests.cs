using NotificationExchange.Ccsds.Oem;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

public class OemTests
{
    private const string OneCovarianceMatrix = """
        CCSDS_OEM_VERS = 2.0
        CREATION_DATE = 2024-02-14T08:00:00
        ORIGINATOR = EXAMPLE OPS
        META_START
        OBJECT_NAME = EXAMPLESAT 1
        OBJECT_ID = 2020-012AB
        CENTER_NAME = EARTH
        REF_FRAME = GCRF
        TIME_SYSTEM = UTC
        START_TIME = 2024-02-14T00:00:00
        STOP_TIME = 2024-02-14T00:01:00
        META_STOP
        2024-02-14T00:00:00 6678.137 0 0 0 7.7258 0
        2024-02-14T00:01:00 6675.4 463.4 0.1 -0.09 7.72 0.001
        COVARIANCE_START
        EPOCH = 2024-02-14T00:00:00
        1.0e-4
        0 1.0e-2
        0 0 1.0e-4
        0 -1.0e-6 0 1.0e-8
        0 0 0 0 1.0e-10
        0 0 0 0 0 1.0e-8
        COVARIANCE_STOP
        """;

    [Test]
    public void A_covariance_row_of_the_wrong_length_says_how_many_values_it_holds_and_how_many_it_must()
    {
        Assert.That(OemReader.Read(OneCovarianceMatrix).Segments[0].Covariances, Has.Count.EqualTo(1), "the fixture is valid");
        var sixInFirstRow = OneCovarianceMatrix.Replace("EPOCH = 2024-02-14T00:00:00\n1.0e-4\n", "EPOCH = 2024-02-14T00:00:00\n1.0e-4 0 0 0 0 0\n", StringComparison.Ordinal);
        var twoInThirdRow = OneCovarianceMatrix.Replace("0 0 1.0e-4\n", "0 1.0e-4\n", StringComparison.Ordinal);

        var six = Expect.Errors(() => OemReader.Read(sixInFirstRow)).Single();
        var two = Expect.Errors(() => OemReader.Read(twoInThirdRow)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(six.Kind, Is.EqualTo(CcsdsErrorKind.WrongColumnCount));
            Assert.That(six.Line, Is.EqualTo(Messages.LineOf(sixInFirstRow, "1.0e-4 0 0 0 0 0")));
            Assert.That(six.Message, Is.EqualTo("row 1 of a covariance matrix holds 6 values; it must hold 1 value"));
            Assert.That(two.Line, Is.EqualTo(Messages.LineOf(twoInThirdRow, "0 1.0e-4")));
            Assert.That(two.Message, Is.EqualTo("row 3 of a covariance matrix holds 2 values; it must hold 3 values"));
        });
    }
}
