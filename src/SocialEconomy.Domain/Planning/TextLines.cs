namespace SocialEconomy.Domain.Planning;

/// <summary>
/// Ordered short texts (추진방향, 사업내용 bullets) stored as one newline-separated column:
/// they are always read and written whole, and a column works the same on every provider.
/// </summary>
internal static class TextLines
{
    public static string Join(IEnumerable<string>? lines) =>
        string.Join('\n', (lines ?? []).Select(l => l.Replace("\r", string.Empty, StringComparison.Ordinal).Trim()).Where(l => l.Length > 0));

    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n');
}
