namespace SocialEconomy.Domain.Planning;

/// <summary>
/// An inclusive range of years: a plan's period, or a sub-project's. Plans run 4 or 5
/// years in practice; nothing here assumes either.
/// </summary>
public readonly record struct YearRange
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const int MaxLength = 20;

    public YearRange(int first, int last)
    {
        if (first < MinYear || last > MaxYear)
        {
            throw new DomainException($"연도는 {MinYear}년부터 {MaxYear}년 사이로 입력하세요.");
        }

        if (last < first)
        {
            throw new DomainException($"종료연도({last}년)가 시작연도({first}년)보다 앞설 수 없습니다.");
        }

        if (last - first + 1 > MaxLength)
        {
            throw new DomainException($"기간은 {MaxLength}년을 넘을 수 없습니다.");
        }

        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public int Count => Last - First + 1;

    public IEnumerable<int> Years => Enumerable.Range(First, Count);

    public bool Contains(int year) => year >= First && year <= Last;

    public bool Contains(YearRange other) => Contains(other.First) && Contains(other.Last);

    public void EnsureContains(int year)
    {
        if (!Contains(year))
        {
            throw new DomainException($"{year}년은 기간({this}) 밖의 연도입니다.");
        }
    }

    public override string ToString() => $"{First}년~{Last}년";
}
