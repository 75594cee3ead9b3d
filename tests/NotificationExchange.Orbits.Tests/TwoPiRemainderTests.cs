using NotificationExchange.Orbits.Propagation;
using NUnit.Framework;

namespace NotificationExchange.Orbits.Tests;

public class TwoPiRemainderTests
{
    /// <summary>SGP4's angle reductions must stay those of the reference code (fmod) to the last bit.</summary>
    [Test]
    public void The_fast_remainder_is_fmod_bit_for_bit()
    {
        var random = new Random(20221115);
        var values = new List<double> { 0.0, -0.0, 2.0 * Math.PI, -2.0 * Math.PI, 6.0 * Math.PI, Math.PI, 1e12, -1e12, 3e15, double.NaN };
        for (var n = 1; n <= 100_000; n++)
        {
            // exact multiples of 2π and their neighbours, where the division may round the quotient up
            values.Add(n * 2.0 * Math.PI);
            values.Add(Math.BitDecrement(n * 2.0 * Math.PI));
            values.Add(-Math.BitIncrement(n * 2.0 * Math.PI));
        }
        for (var i = 0; i < 300_000; i++)
        {
            values.Add((random.NextDouble() - 0.5) * Math.Pow(10.0, random.Next(-3, 13)));
        }

        var mismatches = values
            .Where(x => BitConverter.DoubleToInt64Bits(TwoPiRemainder.Of(x)) != BitConverter.DoubleToInt64Bits(x % (2.0 * Math.PI)))
            .Select(x => $"{x:R}: {TwoPiRemainder.Of(x):R} vs {x % (2.0 * Math.PI):R}")
            .ToList();

        Assert.That(mismatches, Is.Empty, string.Join(Environment.NewLine, mismatches.Take(10)));
    }
}
