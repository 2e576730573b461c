namespace SocialEconomy.Domain.Planning;

/// <summary>Moving one row of an ordered list up or down by swapping places with its neighbour.</summary>
internal static class Ordering
{
    /// <summary>Swaps <paramref name="item"/> with the row <paramref name="delta"/> (−1 or +1) away; false at either end.</summary>
    public static bool Move<T>(IReadOnlyList<T> ordered, T item, int delta, Func<T, int> position, Action<T, int> place)
        where T : class
    {
        if (delta is not (-1 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "A row moves one place at a time.");
        }

        var index = ordered.ToList().IndexOf(item);
        if (index < 0)
        {
            throw new DomainException("이 목록의 항목이 아닙니다.");
        }

        var target = index + delta;
        if (target < 0 || target >= ordered.Count)
        {
            return false;
        }

        var neighbour = ordered[target];
        var mine = position(item);
        place(item, position(neighbour));
        place(neighbour, mine);
        return true;
    }
}
