package dev.assist.triage.learn;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search: minimises a smooth convex function
 * such as the regularised log-loss of {@link SoftmaxRegression}. Full-batch and deterministic, so a
 * model trained twice on the same data is the same model.
 */
final class Lbfgs {
    /** A function and its gradient; writes the gradient into {@code gradient} and returns the value. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private final int memory;
    private final int maxIterations;
    private final double tolerance;

    Lbfgs(int memory, int maxIterations, double tolerance) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** Minimises from {@code x} (updated in place); returns the number of iterations run. */
    int minimize(Objective objective, double[] x) {
        int n = x.length;
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] gradient = new double[n];
        double[] nextGradient = new double[n];
        double[] direction = new double[n];
        double[] next = new double[n];
        double value = objective.evaluate(x, gradient);
        int stored = 0;
        int head = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            // Two-loop recursion: direction = -H * gradient.
            for (int i = 0; i < n; i++) {
                direction[i] = -gradient[i];
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, memory);
                alpha[j] = rho[j] * dot(s[j], direction);
                axpy(-alpha[j], y[j], direction);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(direction, gamma);
            } else {
                scale(direction, 1.0 / Math.max(1.0, Math.sqrt(dot(gradient, gradient))));
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, memory);
                double beta = rho[j] * dot(y[j], direction);
                axpy(alpha[j] - beta, s[j], direction);
            }
            double slope = dot(gradient, direction);
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = -gradient[i];
                }
                slope = dot(gradient, direction);
            }
            double step = 1.0;
            double nextValue;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    next[i] = x[i] + step * direction[i];
                }
                nextValue = objective.evaluate(next, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || ++tries > 30) {
                    break;
                }
                step *= 0.5;
            }
            if (s[head] == null) {
                s[head] = new double[n];
                y[head] = new double[n];
            }
            for (int i = 0; i < n; i++) {
                s[head][i] = next[i] - x[i];
                y[head][i] = nextGradient[i] - gradient[i];
            }
            double sy = dot(s[head], y[head]);
            if (sy > 1e-12) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(next, 0, x, 0, n);
            System.arraycopy(nextGradient, 0, gradient, 0, n);
            double improvement = (value - nextValue) / Math.max(Math.abs(value), 1e-12);
            value = nextValue;
            if (improvement < tolerance || tries > 30) {
                return iteration;
            }
        }
        return maxIterations;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
