using System;
using System.Collections.Generic;
using System.Text;

namespace LicenseGuard.Licensing
{
    /// <summary>Thrown when a licence expression does not follow the SPDX syntax.</summary>
    public sealed class LicenseExpressionException : Exception
    {
        internal LicenseExpressionException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// An SPDX licence expression: licence ids (with <c>+</c>, <c>-only</c>, <c>-or-later</c>, <c>LicenseRef-…</c>),
    /// <c>WITH</c> exceptions, <c>AND</c>, <c>OR</c> and parentheses. <c>AND</c> binds tighter than <c>OR</c>.
    /// </summary>
    public abstract class LicenseExpression
    {
        private const int MaxDepth = 32;

        /// <summary>Gets every licence the expression names, left to right.</summary>
        public IEnumerable<LicenseTerm> Terms
        {
            get
            {
                var terms = new List<LicenseTerm>();
                Collect(terms);
                return terms;
            }
        }

        /// <summary>Parses an expression; operators are accepted in any case.</summary>
        /// <exception cref="LicenseExpressionException">The text is not a licence expression.</exception>
        public static LicenseExpression Parse(string text)
        {
            var tokens = Tokenize(text);
            int position = 0;
            var expression = ParseOr(tokens, ref position, 0);
            if (position != tokens.Count)
            {
                throw new LicenseExpressionException($"Unexpected '{tokens[position]}' in licence expression '{text}'.");
            }

            return expression;
        }

        /// <summary>Parses an expression, or returns false with the reason.</summary>
        public static bool TryParse(string text, out LicenseExpression? expression, out string? error)
        {
            try
            {
                expression = Parse(text);
                error = null;
                return true;
            }
            catch (LicenseExpressionException e)
            {
                expression = null;
                error = e.Message;
                return false;
            }
        }

        /// <summary>
        /// Renders the expression for people and reports: no parentheses around the whole, parentheses around every nested
        /// combination (<c>(MIT OR Apache-2.0) AND BSD-3-Clause</c>). <see cref="object.ToString"/> parenthesises everything.
        /// </summary>
        public string ToDisplayString()
        {
            string text = ToString();
            return this is LicenseCombination ? text.Substring(1, text.Length - 2) : text;
        }

        /// <summary>Evaluates the expression: <c>OR</c> takes the best branch, <c>AND</c> the worst.</summary>
        public abstract T Evaluate<T>(Func<LicenseTerm, T> judge, Func<T, T, T> best, Func<T, T, T> worst);

        internal abstract void Collect(List<LicenseTerm> terms);

        private static LicenseExpression ParseOr(List<string> tokens, ref int position, int depth)
        {
            var left = ParseAnd(tokens, ref position, depth);
            while (position < tokens.Count && tokens[position].Equals("OR", StringComparison.OrdinalIgnoreCase))
            {
                position++;
                left = new LicenseCombination(left, ParseAnd(tokens, ref position, depth), isChoice: true);
            }

            return left;
        }

        private static LicenseExpression ParseAnd(List<string> tokens, ref int position, int depth)
        {
            var left = ParsePrimary(tokens, ref position, depth);
            while (position < tokens.Count && tokens[position].Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                position++;
                left = new LicenseCombination(left, ParsePrimary(tokens, ref position, depth), isChoice: false);
            }

            return left;
        }

        private static LicenseExpression ParsePrimary(List<string> tokens, ref int position, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new LicenseExpressionException("Licence expression is nested too deeply.");
            }

            if (position >= tokens.Count)
            {
                throw new LicenseExpressionException("Licence expression ends where a licence id was expected.");
            }

            string token = tokens[position++];
            if (token == "(")
            {
                var inner = ParseOr(tokens, ref position, depth + 1);
                if (position >= tokens.Count || tokens[position] != ")")
                {
                    throw new LicenseExpressionException("Missing ')' in licence expression.");
                }

                position++;
                return inner;
            }

            if (token == ")" || IsOperator(token))
            {
                throw new LicenseExpressionException($"Unexpected '{token}' where a licence id was expected.");
            }

            var term = LicenseTerm.FromToken(token);
            if (position < tokens.Count && tokens[position].Equals("WITH", StringComparison.OrdinalIgnoreCase))
            {
                position++;
                if (position >= tokens.Count || tokens[position] == "(" || tokens[position] == ")" || IsOperator(tokens[position]))
                {
                    throw new LicenseExpressionException($"'WITH' after '{token}' must be followed by an exception id.");
                }

                term = term.WithException(tokens[position++]);
            }

            return term;
        }

        private static bool IsOperator(string token) =>
            token.Equals("AND", StringComparison.OrdinalIgnoreCase) || token.Equals("OR", StringComparison.OrdinalIgnoreCase) || token.Equals("WITH", StringComparison.OrdinalIgnoreCase);

        private static List<string> Tokenize(string text)
        {
            var tokens = new List<string>();
            var current = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c) || c == '(' || c == ')')
                {
                    if (current.Length > 0)
                    {
                        tokens.Add(current.ToString());
                        current.Clear();
                    }

                    if (c == '(' || c == ')')
                    {
                        tokens.Add(c.ToString());
                    }
                }
                else if (char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == ':')
                {
                    current.Append(c);
                }
                else
                {
                    throw new LicenseExpressionException($"Character '{c}' cannot appear in a licence expression.");
                }
            }

            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
            }

            if (tokens.Count == 0)
            {
                throw new LicenseExpressionException("The licence expression is empty.");
            }

            return tokens;
        }
    }

    /// <summary>One licence in an expression, e.g. <c>GPL-2.0-or-later WITH Classpath-exception-2.0</c>.</summary>
    public sealed class LicenseTerm : LicenseExpression
    {
        private LicenseTerm(string id, bool orLater, string? exception)
        {
            Id = id;
            OrLater = orLater;
            Exception = exception;
        }

        /// <summary>Gets the licence id as written, without a trailing <c>+</c>.</summary>
        public string Id { get; }

        /// <summary>Gets a value indicating whether later versions are allowed (<c>+</c> or <c>-or-later</c>).</summary>
        public bool OrLater { get; }

        /// <summary>Gets the exception after <c>WITH</c>, if any.</summary>
        public string? Exception { get; }

        /// <summary>Gets the id without <c>-only</c>/<c>-or-later</c>, e.g. <c>LGPL-3.0</c> for <c>LGPL-3.0-only</c>.</summary>
        public string BaseId
        {
            get
            {
                foreach (var suffix in new[] { "-only", "-or-later" })
                {
                    if (Id.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    {
                        return Id.Substring(0, Id.Length - suffix.Length);
                    }
                }

                return Id;
            }
        }

        /// <inheritdoc/>
        public override T Evaluate<T>(Func<LicenseTerm, T> judge, Func<T, T, T> best, Func<T, T, T> worst) => judge(this);

        /// <inheritdoc/>
        public override string ToString() => Id + (OrLater && !Id.EndsWith("-or-later", StringComparison.OrdinalIgnoreCase) ? "+" : string.Empty) + (Exception != null ? " WITH " + Exception : string.Empty);

        internal static LicenseTerm FromToken(string token)
        {
            bool plus = token.EndsWith("+", StringComparison.Ordinal);
            string id = plus ? token.Substring(0, token.Length - 1) : token;
            if (id.Length == 0 || id.IndexOf('+') >= 0)
            {
                throw new LicenseExpressionException($"'{token}' is not a licence id.");
            }

            return new LicenseTerm(id, plus || id.EndsWith("-or-later", StringComparison.OrdinalIgnoreCase), null);
        }

        internal LicenseTerm WithException(string exception) => new LicenseTerm(Id, OrLater, exception);

        internal override void Collect(List<LicenseTerm> terms) => terms.Add(this);
    }

    /// <summary><c>left OR right</c> (either licence may be chosen) or <c>left AND right</c> (both apply).</summary>
    public sealed class LicenseCombination : LicenseExpression
    {
        internal LicenseCombination(LicenseExpression left, LicenseExpression right, bool isChoice)
        {
            Left = left;
            Right = right;
            IsChoice = isChoice;
        }

        /// <summary>Gets the left operand.</summary>
        public LicenseExpression Left { get; }

        /// <summary>Gets the right operand.</summary>
        public LicenseExpression Right { get; }

        /// <summary>Gets a value indicating whether this is <c>OR</c> (a choice) rather than <c>AND</c>.</summary>
        public bool IsChoice { get; }

        /// <inheritdoc/>
        public override T Evaluate<T>(Func<LicenseTerm, T> judge, Func<T, T, T> best, Func<T, T, T> worst)
        {
            var left = Left.Evaluate(judge, best, worst);
            var right = Right.Evaluate(judge, best, worst);
            return IsChoice ? best(left, right) : worst(left, right);
        }

        /// <inheritdoc/>
        public override string ToString() => $"({Operand(Left)} {(IsChoice ? "OR" : "AND")} {Operand(Right)})";

        // AND and OR are associative: "A AND B AND C" needs no parentheses inside, mixed operators do.
        private string Operand(LicenseExpression operand)
        {
            string text = operand.ToString();
            return operand is LicenseCombination inner && inner.IsChoice == IsChoice ? text.Substring(1, text.Length - 2) : text;
        }

        internal override void Collect(List<LicenseTerm> terms)
        {
            Left.Collect(terms);
            Right.Collect(terms);
        }
    }
}
