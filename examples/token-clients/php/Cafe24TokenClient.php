<?php
/**
 * Read Cafe24 access tokens from `cafe24-doctor watch` instead of refreshing them yourself.
 *
 * Copy this file into your app (PHP 7.4+, the curl extension). `cafe24-doctor watch --token-endpoint` keeps each
 * mall's tokens alive and is the only process that refreshes them; Cafe24 rotates the refresh token on every
 * refresh, so a second refresher sooner or later refreshes with a dead one and the mall needs a new login.
 * This client only reads:
 * - it caches the access token for the life of the object (a worker, a request) until shortly before its
 *   expires_at, so most calls cost nothing extra;
 * - when Cafe24 answers 401 (the token was replaced or revoked meanwhile), it reports the refused token to
 *   watch's `.../access-token/rejected` once and retries the call once with the token it gets back;
 * - it never sees a refresh token or the client secret, never refreshes, and never logs or prints a token.
 *
 *   require __DIR__ . '/Cafe24TokenClient.php';
 *
 *   $tokens = new Cafe24TokenClient('myshop'); // endpoint + secret from the environment
 *   $answer = $tokens->request('GET', 'https://myshop.cafe24api.com/api/v2/admin/store');
 *   echo $answer['status'], ' ', json_decode($answer['body'], true)['store']['shop_name'], "\n";
 *
 * Or run it to try the endpoint: one GET /api/v2/admin/store, printed without the token.
 *
 *   CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET=... php Cafe24TokenClient.php myshop
 *
 * Environment: CAFE24_DOCTOR_TOKEN_ENDPOINT (watch's status server, default http://127.0.0.1:8725),
 * CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET (required), CAFE24_MALL_ID (when no argument is given),
 * CAFE24_BASE_URL (default https://{mall_id}.cafe24api.com), CAFE24_API_VERSION (optional).
 */

/** Anything that kept a call from being made: watch unreachable or refusing, Cafe24 unreachable. */
class Cafe24TokenClientException extends RuntimeException
{
}

/**
 * watch's token endpoint answered with an error: $error is its code (unauthorized, unknown_mall,
 * reauth_required, refresh_failed, rate_limited, ...), $retryAfter the seconds it asks to wait, $command what
 * a person runs to fix it.
 */
class TokenEndpointException extends Cafe24TokenClientException
{
    public $status;
    public $error;
    public $retryAfter;
    public $command;

    public function __construct($message, $status, $error, $retryAfter, $command)
    {
        parent::__construct($message);
        $this->status = $status;
        $this->error = $error;
        $this->retryAfter = $retryAfter;
        $this->command = $command;
    }
}

class Cafe24TokenClient
{
    const DEFAULT_ENDPOINT = 'http://127.0.0.1:8725';
    const DEFAULT_BASE_URL = 'https://{mall_id}.cafe24api.com';

    public $mallId;
    public $endpoint;
    public $endpointReads = 0;
    public $rejectionsReported = 0;
    private $secret;
    private $tokenUrl;
    private $timeout;
    private $refreshMargin;
    private $clock;
    private $token = null;
    private $expiresAt = 0;

    /**
     * @param string $mallId
     * @param array $options endpoint, secret (default: the environment), timeout (seconds per HTTP call, 10),
     *     refresh_margin (ask watch again once the cached token has less than this many seconds left, 60),
     *     clock (callable returning epoch seconds; for tests)
     */
    public function __construct($mallId, array $options = [])
    {
        $secret = isset($options['secret']) ? $options['secret'] : (string) getenv('CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET');
        if ($secret === '') {
            throw new Cafe24TokenClientException(
                'CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET is not set: use the secret '
                . '`cafe24-doctor watch --token-endpoint` was started with'
            );
        }
        $endpoint = isset($options['endpoint']) ? $options['endpoint'] : (string) getenv('CAFE24_DOCTOR_TOKEN_ENDPOINT');
        $this->mallId = $mallId;
        $this->endpoint = rtrim($endpoint !== '' ? $endpoint : self::DEFAULT_ENDPOINT, '/');
        $this->tokenUrl = $this->endpoint . '/v1/malls/' . rawurlencode($mallId) . '/access-token';
        $this->secret = $secret;
        $this->timeout = isset($options['timeout']) ? $options['timeout'] : 10;
        $this->refreshMargin = isset($options['refresh_margin']) ? $options['refresh_margin'] : 60;
        $this->clock = isset($options['clock']) ? $options['clock'] : function () {
            return microtime(true);
        };
    }

    /** A live access token: the cached one unless it is about to expire, else a fresh read from watch. */
    public function accessToken()
    {
        if ($this->token === null || call_user_func($this->clock) >= $this->expiresAt - $this->refreshMargin) {
            $this->remember($this->ask('GET', $this->tokenUrl, null));
            $this->endpointReads++;
        }
        return $this->token;
    }

    /** Tells watch Cafe24 refused this token; returns the token to use now (fresh, or already current). */
    public function reportRejected($refusedToken)
    {
        $body = json_encode(['access_token' => $refusedToken]);
        $this->remember($this->ask('POST', $this->tokenUrl . '/rejected', $body));
        $this->rejectionsReported++;
        return $this->token;
    }

    /**
     * One Cafe24 Admin API call; on 401, reports the token and retries once.
     *
     * @return array ['status' => int, 'headers' => array (lower-case names), 'body' => string]
     */
    public function request($method, $url, $jsonBody = null, array $headers = [])
    {
        $body = $jsonBody === null ? null : json_encode($jsonBody);
        $headers = array_merge(['Content-Type' => 'application/json'], $headers);
        $version = getenv('CAFE24_API_VERSION');
        if ($version) {
            $headers['X-Cafe24-Api-Version'] = $version;
        }
        $token = $this->accessToken();
        $answer = $this->send($method, $url, array_merge($headers, ['Authorization' => 'Bearer ' . $token]), $body);
        if ($answer['status'] !== 401) {
            return $answer;
        }
        $fresh = $this->reportRejected($token);
        return $this->send($method, $url, array_merge($headers, ['Authorization' => 'Bearer ' . $fresh]), $body);
    }

    private function ask($method, $url, $body)
    {
        $headers = ['Authorization' => 'Bearer ' . $this->secret, 'Accept' => 'application/json'];
        if ($body !== null) {
            $headers['Content-Type'] = 'application/json';
        }
        try {
            $answer = $this->send($method, $url, $headers, $body);
        } catch (Cafe24TokenClientException $e) {
            throw new Cafe24TokenClientException(
                'could not reach cafe24-doctor watch at ' . $this->endpoint . ' (' . $e->getMessage() . '): '
                . 'is `cafe24-doctor watch --token-endpoint` running there?'
            );
        }
        $payload = json_decode($answer['body'], true);
        if ($answer['status'] === 200 && is_array($payload) && isset($payload['access_token'])
            && is_string($payload['access_token'])) {
            return $payload;
        }
        throw $this->endpointError($answer, is_array($payload) ? $payload : []);
    }

    private function endpointError(array $answer, array $payload)
    {
        $error = isset($payload['error']) && is_string($payload['error']) ? $payload['error'] : null;
        $command = isset($payload['command']) && is_string($payload['command']) ? $payload['command'] : null;
        $retryAfter = isset($answer['headers']['retry-after']) ? $answer['headers']['retry-after'] : null;
        $hints = [
            'unauthorized' => 'check CAFE24_DOCTOR_TOKEN_ENDPOINT_SECRET',
            'unknown_mall' => "watch does not keep mall '" . $this->mallId . "'",
            'reauth_required' => $command !== null ? 'a person must run: ' . $command : 'the mall needs a new login',
            'rate_limited' => 'asked too often; retry after ' . $retryAfter . ' s',
            'refresh_failed' => 'watch could not refresh; retry after ' . $retryAfter . ' s',
        ];
        return new TokenEndpointException(
            'cafe24-doctor watch answered ' . $answer['status'] . ' ' . $error . " for mall '" . $this->mallId . "': "
            . (isset($hints[$error]) ? $hints[$error] : 'unexpected answer'),
            $answer['status'],
            $error,
            $retryAfter !== null && preg_match('/^\d+$/', $retryAfter) ? (int) $retryAfter : null,
            $command
        );
    }

    private function remember(array $payload)
    {
        if (!isset($payload['expires_at']) || !is_string($payload['expires_at'])) {
            throw new Cafe24TokenClientException('cafe24-doctor watch answered without expires_at');
        }
        // Cafe24 writes times without an offset in Seoul time; watch adds the offset, this covers anything else.
        $expires = date_create($payload['expires_at'], new DateTimeZone('Asia/Seoul'));
        if ($expires === false) {
            throw new Cafe24TokenClientException('cafe24-doctor watch sent an unreadable expires_at');
        }
        $this->token = $payload['access_token'];
        $this->expiresAt = $expires->getTimestamp();
    }

    private function send($method, $url, array $headers, $body)
    {
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        $received = [];
        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_CONNECTTIMEOUT => $this->timeout,
            CURLOPT_TIMEOUT => $this->timeout,
            CURLOPT_HEADERFUNCTION => function ($curl, $line) use (&$received) {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $received[strtolower(trim($parts[0]))] = trim($parts[1]);
                }
                return strlen($line);
            },
        ]);
        if ($body !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $body);
        }
        $text = curl_exec($curl);
        if ($text === false) {
            $reason = curl_error($curl);
            curl_close($curl);
            throw new Cafe24TokenClientException($method . ' ' . $url . ' failed: ' . $reason);
        }
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        return ['status' => $status, 'headers' => $received, 'body' => $text];
    }
}

/** GET /api/v2/admin/store of the mall, under CAFE24_BASE_URL (a template with {mall_id}). */
function cafe24_store_url($mallId)
{
    $base = getenv('CAFE24_BASE_URL');
    $base = $base ? $base : Cafe24TokenClient::DEFAULT_BASE_URL;
    return rtrim(str_replace('{mall_id}', $mallId, $base), '/') . '/api/v2/admin/store';
}

if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    $mallId = isset($argv[1]) ? $argv[1] : (string) getenv('CAFE24_MALL_ID');
    if ($mallId === '') {
        fwrite(STDERR, "usage: php Cafe24TokenClient.php MALL_ID  (or set CAFE24_MALL_ID)\n");
        exit(2);
    }
    try {
        $answer = (new Cafe24TokenClient($mallId))->request('GET', cafe24_store_url($mallId));
    } catch (Cafe24TokenClientException $e) {
        fwrite(STDERR, 'error: ' . $e->getMessage() . "\n");
        exit(1);
    }
    if ($answer['status'] !== 200) {
        fwrite(STDERR, 'Cafe24 answered ' . $answer['status'] . ': ' . substr($answer['body'], 0, 300) . "\n");
        exit(1);
    }
    $store = json_decode($answer['body'], true);
    echo $mallId, ': ', $store['store']['shop_name'], " (Cafe24 answered 200)\n";
}
