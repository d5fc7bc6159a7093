// The operations of the EKS crate (`eks_types::operations::OPERATIONS`), as a macro so that code
// can be written once for every operation's types. Shared by the `eks_outputs` fuzz target and
// `codegen/tests/moto.rs`, which checks that the list is complete and that `EKS_OUTPUT_HEADERS`
// holds every header name and prefix the outputs bind. `eks_operations!(callback)` expands to
// `callback! { AssociateAccessPolicy ... }`.
macro_rules! eks_operations {
    ($callback:ident) => {
        $callback! {
            AssociateAccessPolicy
            AssociateEncryptionConfig
            AssociateIdentityProviderConfig
            CreateAccessEntry
            CreateAddon
            CreateCluster
            CreateEksAnywhereSubscription
            CreateFargateProfile
            CreateNodegroup
            CreatePodIdentityAssociation
            DeleteAccessEntry
            DeleteAddon
            DeleteCluster
            DeleteEksAnywhereSubscription
            DeleteFargateProfile
            DeleteNodegroup
            DeletePodIdentityAssociation
            DeregisterCluster
            DescribeAccessEntry
            DescribeAddon
            DescribeAddonConfiguration
            DescribeAddonVersions
            DescribeCluster
            DescribeClusterVersions
            DescribeEksAnywhereSubscription
            DescribeFargateProfile
            DescribeIdentityProviderConfig
            DescribeInsight
            DescribeNodegroup
            DescribePodIdentityAssociation
            DescribeUpdate
            DisassociateAccessPolicy
            DisassociateIdentityProviderConfig
            ListAccessEntries
            ListAccessPolicies
            ListAddons
            ListAssociatedAccessPolicies
            ListClusters
            ListEksAnywhereSubscriptions
            ListFargateProfiles
            ListIdentityProviderConfigs
            ListInsights
            ListNodegroups
            ListPodIdentityAssociations
            ListTagsForResource
            ListUpdates
            RegisterCluster
            TagResource
            UntagResource
            UpdateAccessEntry
            UpdateAddon
            UpdateClusterConfig
            UpdateClusterVersion
            UpdateEksAnywhereSubscription
            UpdateNodegroupConfig
            UpdateNodegroupVersion
            UpdatePodIdentityAssociation
        }
    };
}

// The header names (`@httpHeader`, lowercase) and prefixes (`@httpPrefixHeaders`) that the EKS
// output structures bind: none, EKS's outputs are all in the body.
#[allow(dead_code)]
const EKS_OUTPUT_HEADERS: &[&str] = &[];
