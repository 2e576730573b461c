namespace SocialEconomy.Domain.Planning;

/// <summary>What an indicator measures; decides how its actuals are entered and rated.</summary>
public enum IndicatorKind
{
    /// <summary>People, companies, meetings: 명, 개, 회, 업체…</summary>
    Count,

    /// <summary>Money: 천원, 백만원, 억원.</summary>
    Amount,

    /// <summary>A percentage such as awareness 31.9 %.</summary>
    Rate,

    /// <summary>A qualitative target only ("운영계획 수립").</summary>
    Text,
}

/// <summary>How the 계 (total) column of a yearly table is formed.</summary>
public enum TotalRule
{
    /// <summary>The sum of the yearly numbers (교육인원 1,900명).</summary>
    Sum,

    /// <summary>The mean of the yearly numbers (사업운영률 57 % 평균).</summary>
    Average,

    /// <summary>The last year's number, for stocks that accumulate.</summary>
    LastYear,

    /// <summary>A text given by the plan ("매년 10% 상승").</summary>
    Given,

    /// <summary>The table has no 계 column for this row.</summary>
    None,
}

/// <summary>Whether more is better (참여기업 수) or less is (폐업률); decides how achievement is rated.</summary>
public enum IndicatorDirection
{
    /// <summary>상향: achievement = actual ÷ target.</summary>
    Increase,

    /// <summary>하향: achievement = target ÷ actual.</summary>
    Decrease,
}
