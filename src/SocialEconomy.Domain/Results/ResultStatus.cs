namespace SocialEconomy.Domain.Results;

/// <summary>Where a sub-project's results of a year stand; no row yet is 미작성 (not started).</summary>
public enum ResultStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Confirmed,
}

/// <summary>추진 상황 of a milestone row in the year.</summary>
public enum MilestoneState
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>How an officer judges a target that is text, not a number.</summary>
public enum Judgement
{
    NotAchieved,
    PartlyAchieved,
    Achieved,
}

/// <summary>A step of the review, shown as the year page's timeline.</summary>
public enum ResultStep
{
    Submitted,
    Returned,
    Confirmed,
    Reopened,
}
