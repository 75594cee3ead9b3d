namespace NotificationExchange.Orbits.Encounters;

/// <summary>
/// Adaptive Gauss-Legendre quadrature: a piece is accepted when its 16-point rule and the sum of the rules on its two
/// halves agree within the tolerance (relative to the piece), else both halves are refined. Nodes are the roots of
/// P16 found by Newton's method once, so no table of constants can be mistyped.
/// </summary>
internal static class GaussLegendre
{
    private const int Order = 16;
    private const int MaxDepth = 40;
    private static readonly (double[] Nodes, double[] Weights) _rule = Rule(Order);

    public static double Integrate(Func<double, double> f, double a, double b, double relativeTolerance)
    {
        if (b <= a)
        {
            return 0.0;
        }
        return Refine(f, a, b, Apply(f, a, b), relativeTolerance, 0);
    }

    private static double Refine(Func<double, double> f, double a, double b, double whole, double tolerance, int depth)
    {
        var middle = 0.5 * (a + b);
        var left = Apply(f, a, middle);
        var right = Apply(f, middle, b);
        var halves = left + right;
        if (depth >= MaxDepth || Math.Abs(halves - whole) <= tolerance * Math.Abs(halves) || halves == whole)
        {
            return halves;
        }
        return Refine(f, a, middle, left, tolerance, depth + 1) + Refine(f, middle, b, right, tolerance, depth + 1);
    }

    private static double Apply(Func<double, double> f, double a, double b)
    {
        var half = 0.5 * (b - a);
        var centre = 0.5 * (a + b);
        var sum = 0.0;
        var (nodes, weights) = _rule;
        for (var i = 0; i < nodes.Length; i++)
        {
            sum += weights[i] * f(centre + half * nodes[i]);
        }
        return sum * half;
    }

    /// <summary>Roots of the Legendre polynomial Pn (Newton from Chebyshev guesses) and their weights 2/((1−x²)Pn'(x)²).</summary>
    internal static (double[] Nodes, double[] Weights) Rule(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative;
            for (var iteration = 0; ; iteration++)
            {
                var (p, dp) = Legendre(n, x);
                derivative = dp;
                var step = p / dp;
                x -= step;
                if (Math.Abs(step) < 1e-16 || iteration > 100)
                {
                    break;
                }
            }
            derivative = Legendre(n, x).Derivative;
            nodes[i] = x;
            weights[i] = 2.0 / ((1.0 - x * x) * derivative * derivative);
        }
        return (nodes, weights);
    }

    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        var previous = 1.0;
        var current = x;
        for (var k = 2; k <= n; k++)
        {
            var next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
            previous = current;
            current = next;
        }
        return (current, n * (x * current - previous) / (x * x - 1.0));
    }
}
