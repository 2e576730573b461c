using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Domain.Results;

/// <summary>
/// The actual of one indicator in a year, as typed (<see cref="Input"/>) and as read
/// (<see cref="Actual"/>). A numeric indicator needs a number ("12", "１２", "1,200명",
/// "12 (신규 3)"); a text target is judged by the officer (<see cref="Judgement"/>).
/// </summary>
public class IndicatorResult
{
    internal IndicatorResult(Indicator indicator)
    {
        Indicator = indicator;
        IndicatorId = indicator.Id;
    }

    private IndicatorResult()
    {
        Indicator = null!;
    }

    public int Id { get; private set; }

    public int YearResultId { get; private set; }

    public int IndicatorId { get; private set; }

    public Indicator Indicator { get; private set; }

    /// <summary>Exactly what was typed, kept even when it cannot be read, so nothing is lost.</summary>
    public string? Input { get; private set; }

    public const int InputMaxLength = TargetValue.TextMaxLength * 2;

    public decimal? ActualNumber { get; private set; }

    public string? ActualText { get; private set; }

    public Judgement? Judgement { get; private set; }

    /// <summary>Why <see cref="Input"/> cannot be read, in Korean; null when it can.</summary>
    public string? Problem { get; private set; }

    public TargetValue Actual => new(ActualNumber, ActualText);

    public bool HasActual => Problem is null && !Actual.IsEmpty;

    internal void Record(Indicator indicator, string? input, Judgement? judgement, TargetValue target)
    {
        // Kept as typed up to the column's size; anything longer is a problem anyway.
        var typed = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        Input = typed is { Length: > InputMaxLength } ? typed[..InputMaxLength] : typed;
        Judgement = judgement;
        (ActualNumber, ActualText, Problem) = Read(indicator, typed, target);
    }

    /// <summary>
    /// Reads an actual as typed against the year's target: the number and text it holds, or
    /// why it cannot be read. Pure, so that an upload can check a row before changing anything.
    /// </summary>
    public static (decimal? Number, string? Text, string? Problem) Read(Indicator indicator, string? input, TargetValue target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(target);
        var typed = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (typed is null)
        {
            return (null, null, null);
        }

        if (TargetValue.Normalize(typed).Length > TargetValue.TextMaxLength)
        {
            return (null, null, $"실적은 {TargetValue.TextMaxLength}자 이내로 입력하세요.");
        }

        TargetValue value;
        try
        {
            value = TargetValue.Parse(typed, indicator.Unit);
        }
        catch (DomainException e)
        {
            return (null, null, e.Message);
        }

        var wantsNumber = indicator.Kind != IndicatorKind.Text && target.Number is not null;
        if (wantsNumber && value.Number is null)
        {
            return (null, null, $"숫자로 입력하세요 (단위: {indicator.Unit}). 예: 12 또는 1,200");
        }

        if (value.Number is < 0 && indicator.Kind is IndicatorKind.Count or IndicatorKind.Amount)
        {
            return (null, null, "0 이상이어야 합니다.");
        }

        return (value.Number, value.Text, null);
    }
}
