using System.Diagnostics.CodeAnalysis;

namespace SocialEconomy.Domain.Planning;

public enum UnitKind
{
    Count,
    Money,
    Percent,
}

/// <summary>
/// The unit a number is measured in. Korean plans mix 천원, 백만원 and 억원 in one
/// document, so money units carry their factor in won and are only ever added after
/// conversion. The list is closed on purpose: an unknown unit in an import is an error
/// the official must see, not a new unit.
/// </summary>
public sealed class Unit : IEquatable<Unit>
{
    public static readonly Unit Won = new("원", UnitKind.Money, 1m);
    public static readonly Unit ThousandWon = new("천원", UnitKind.Money, 1_000m);
    public static readonly Unit MillionWon = new("백만원", UnitKind.Money, 1_000_000m);
    public static readonly Unit HundredMillionWon = new("억원", UnitKind.Money, 100_000_000m);
    public static readonly Unit Persons = new("명", UnitKind.Count, 1m);
    public static readonly Unit Items = new("개", UnitKind.Count, 1m);
    public static readonly Unit Places = new("개소", UnitKind.Count, 1m);
    public static readonly Unit Times = new("회", UnitKind.Count, 1m);
    public static readonly Unit Companies = new("업체", UnitKind.Count, 1m);
    public static readonly Unit Cases = new("건", UnitKind.Count, 1m);
    public static readonly Unit Teams = new("팀", UnitKind.Count, 1m);
    public static readonly Unit Percent = new("%", UnitKind.Percent, 1m);
    public static readonly Unit PercentPoint = new("%p", UnitKind.Percent, 1m);

    public static IReadOnlyList<Unit> All { get; } =
    [
        Won, ThousandWon, MillionWon, HundredMillionWon,
        Persons, Items, Places, Times, Companies, Cases, Teams,
        Percent, PercentPoint,
    ];

    private Unit(string symbol, UnitKind kind, decimal wonFactor)
    {
        Symbol = symbol;
        Kind = kind;
        WonFactor = wonFactor;
    }

    public string Symbol { get; }

    public UnitKind Kind { get; }

    /// <summary>For money units, how many won one unit is; 1 for the others.</summary>
    public decimal WonFactor { get; }

    public bool IsMoney => Kind == UnitKind.Money;

    public static bool TryParse(string? symbol, [NotNullWhen(true)] out Unit? unit)
    {
        var trimmed = symbol?.Trim();
        unit = All.FirstOrDefault(u => string.Equals(u.Symbol, trimmed, StringComparison.Ordinal));
        return unit is not null;
    }

    public static Unit Parse(string? symbol) =>
        TryParse(symbol, out var unit)
            ? unit
            : throw new DomainException($"알 수 없는 단위입니다: '{symbol}'. 사용할 수 있는 단위: {string.Join(", ", All.Select(u => u.Symbol))}");

    /// <summary>Converts a money amount from this unit to another money unit.</summary>
    public decimal ConvertTo(decimal value, Unit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(this, target))
        {
            return value;
        }

        if (!IsMoney || !target.IsMoney)
        {
            throw new DomainException($"{Symbol}을(를) {target.Symbol}(으)로 환산할 수 없습니다. 금액 단위끼리만 환산합니다.");
        }

        return value * WonFactor / target.WonFactor;
    }

    public bool Equals(Unit? other) => other is not null && string.Equals(Symbol, other.Symbol, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Unit other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Symbol);

    public override string ToString() => Symbol;

    public static bool operator ==(Unit? left, Unit? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Unit? left, Unit? right) => !(left == right);
}
