namespace SocialEconomy.Domain.Evaluation;

/// <summary>Which table a framework is: the T/F's 자체평가 per sub-project or the committee's 외부평가 of the plan.</summary>
public enum FrameworkKind
{
    Self,
    External,
}

/// <summary>
/// What an item means to the portal beyond its points: 목표의 달성도 is proposed from the
/// achievement rates through the scoring bands; 평가결과 반영 items show the follow-up actions.
/// </summary>
public enum ItemRole
{
    None,
    Achievement,
    FollowUp,
}

/// <summary>How the committee's members' scores become one result (chosen per year).</summary>
public enum Aggregation
{
    /// <summary>산술평균.</summary>
    Mean,

    /// <summary>최고·최저점 제외 평균: one highest and one lowest score are dropped; needs 3 or more.</summary>
    TrimmedMean,
}

/// <summary>자체평가의 단계: the T/F scores, the 민관거버넌스 실무협의체 reviews, then it is locked.</summary>
public enum SelfStage
{
    Scoring,
    InReview,
    Locked,
}

/// <summary>총괄평가's recommendation for a sub-project in the next basic plan.</summary>
public enum Recommendation
{
    Expand,
    Keep,
    Reduce,
    End,
}

/// <summary>Which evaluation a follow-up action comes from.</summary>
public enum FindingSource
{
    Self,
    External,
    Comprehensive,
}
