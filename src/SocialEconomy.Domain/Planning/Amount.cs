namespace SocialEconomy.Domain.Planning;

/// <summary>
/// A number with its unit. Adding two amounts of different units is refused rather than
/// silently converted: the caller decides the unit of a total and converts explicitly.
/// </summary>
public readonly record struct Amount(decimal Value, Unit Unit)
{
    public static Amount Zero(Unit unit) => new(0m, unit);

    public Amount ConvertTo(Unit target) => new(Unit.ConvertTo(Value, target), target);

    public static Amount operator +(Amount left, Amount right)
    {
        if (left.Unit != right.Unit)
        {
            throw new DomainException($"단위가 다른 값({left.Unit}, {right.Unit})은 환산하지 않고 더할 수 없습니다.");
        }

        return new Amount(left.Value + right.Value, left.Unit);
    }

    public Amount Add(Amount other) => this + other;

    public override string ToString() => $"{Value} {Unit}";
}
